package io.sentiflow.features;

import io.sentiflow.avro.Comment;
import io.sentiflow.avro.Label;
import io.sentiflow.avro.Sentiment;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The real US-airline tweets from the shared data directory, as Sentiflow comments and labels. */
final class AirlineTweets {

  /** One row of the file: the comment and the label a human gave it. */
  record Tweet(Comment comment, Label label) {
    String id() {
      return comment.getId();
    }
  }

  /** Seconds of event time between a tweet and its label. */
  static final long LABEL_DELAY_MS = 30_000;

  private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z", Locale.ROOT);

  private AirlineTweets() {}

  /** The first {@code count} rows in {@code tweet_created} order (repeated tweet ids included). */
  static List<Tweet> firstByCreation(int count) {
    Path file = Path.of(System.getProperty("sentiflow.data.dir", "../../shared/data"),
        "twitter-us-airline-sentiment", "Tweets.csv.gz");
    List<Tweet> tweets = new ArrayList<>();
    try (Reader reader = new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
        StandardCharsets.UTF_8)) {
      CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
      for (CSVRecord row : format.parse(reader)) {
        tweets.add(toTweet(row));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    tweets.sort(Comparator.comparingLong(t -> t.comment().getEventTime()));
    return List.copyOf(tweets.subList(0, Math.min(count, tweets.size())));
  }

  private static Tweet toTweet(CSVRecord row) {
    long created = OffsetDateTime.parse(row.get("tweet_created"), CREATED).toInstant().toEpochMilli();
    Comment comment = Comment.newBuilder()
        .setId(row.get("tweet_id"))
        .setPlatform("twitter")
        .setThread(row.get("airline"))
        .setAuthor("author-" + Integer.toHexString(row.get("name").hashCode()))
        .setText(row.get("text"))
        .setLanguage("en")
        .setEventTime(created)
        .setIngestTime(created)
        .build();
    Label label = Label.newBuilder()
        .setCommentId(row.get("tweet_id"))
        .setSentiment(Sentiment.valueOf(row.get("airline_sentiment").toUpperCase(Locale.ROOT)))
        .setSource("twitter-us-airline-sentiment")
        .setLabelTime(created + LABEL_DELAY_MS)
        .build();
    return new Tweet(comment, label);
  }
}
