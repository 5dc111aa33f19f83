package io.sentiflow.scorer;

import io.sentiflow.avro.Features;
import io.sentiflow.avro.Sentiment;
import io.sentiflow.schemas.text.FeatureVector;
import io.sentiflow.schemas.text.Featurizer;
import io.sentiflow.schemas.text.FeaturizerSpec;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The real airline tweets, featurized the way the pipeline does, for broker tests. */
final class AirlineTweets {

  record Tweet(String id, String airline, Sentiment sentiment, String text, long createdMs) {}

  private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z", Locale.ROOT);

  private AirlineTweets() {}

  /** The first {@code count} rows of the file, in file order. */
  static List<Tweet> first(int count) {
    Path file = Path.of(System.getProperty("sentiflow.data.dir", "../../shared/data"),
        "twitter-us-airline-sentiment", "Tweets.csv.gz");
    List<Tweet> tweets = new ArrayList<>(count);
    try (Reader reader = new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
        StandardCharsets.UTF_8)) {
      for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
        if (tweets.size() == count) {
          break;
        }
        tweets.add(new Tweet(row.get("tweet_id"), row.get("airline"),
            Sentiment.valueOf(row.get("airline_sentiment").toUpperCase(Locale.ROOT)), row.get("text"),
            ZonedDateTime.parse(row.get("tweet_created"), CREATED).toInstant().toEpochMilli()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return tweets;
  }

  static Features features(Featurizer featurizer, Tweet tweet, String commentId) {
    FeatureVector vector = featurizer.featurize(tweet.text());
    FeaturizerSpec spec = featurizer.spec();
    return Features.newBuilder()
        .setCommentId(commentId)
        .setThread(tweet.airline())
        .setLanguage("en")
        .setFeatureIds(Arrays.stream(vector.ids()).boxed().toList())
        .setTerms(Arrays.asList(vector.terms()))
        .setTextLength(tweet.text().codePointCount(0, tweet.text().length()))
        .setSpecHash(spec.hash())
        .setEventTime(tweet.createdMs())
        .setIngestTime(tweet.createdMs() + 100)
        .setFeatureTime(System.currentTimeMillis())
        .build();
  }
}
