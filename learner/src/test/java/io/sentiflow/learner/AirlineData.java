package io.sentiflow.learner;

import io.sentiflow.avro.Features;
import io.sentiflow.avro.Sentiment;
import io.sentiflow.avro.TrainingExample;
import io.sentiflow.learner.evaluate.LabelledText;
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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The real US airline tweets, every row in time order, as texts and as training examples. The
 * learner does not depend on ingest, so its tests parse the file here as the scorer's tests do.
 */
public final class AirlineData {

  private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z", Locale.ROOT);

  private static List<LabelledText> texts;

  private AirlineData() {}

  public static synchronized List<LabelledText> texts() {
    if (texts == null) {
      texts = read(Path.of(System.getProperty("sentiflow.data.dir"), "twitter-us-airline-sentiment", "Tweets.csv.gz"));
    }
    return texts;
  }

  private static List<LabelledText> read(Path file) {
    List<LabelledText> rows = new ArrayList<>();
    try (Reader reader = new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
        StandardCharsets.UTF_8)) {
      for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
        rows.add(new LabelledText(row.get("text"),
            Sentiment.valueOf(row.get("airline_sentiment").toUpperCase(Locale.ROOT)).ordinal(),
            ZonedDateTime.parse(row.get("tweet_created"), CREATED).toInstant().toEpochMilli()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    // Stable: tweets of the same second keep their file order. The file is grouped by airline.
    rows.sort(Comparator.comparingLong(LabelledText::time));
    return List.copyOf(rows);
  }

  /** The first {@code count} tweets as training examples hashed with {@code spec}. */
  public static List<TrainingExample> examples(int count, FeaturizerSpec spec) {
    Featurizer featurizer = new Featurizer(spec);
    List<TrainingExample> examples = new ArrayList<>(count);
    List<LabelledText> all = texts();
    for (int i = 0; i < count; i++) {
      LabelledText text = all.get(i);
      FeatureVector vector = featurizer.featurize(text.text());
      Features features = Features.newBuilder()
          .setCommentId("airline-" + i)
          .setThread("airline")
          .setLanguage("en")
          .setFeatureIds(Arrays.stream(vector.ids()).boxed().toList())
          .setTerms(Arrays.asList(vector.terms()))
          .setTextLength(text.text().codePointCount(0, text.text().length()))
          .setSpecHash(spec.hash())
          .setEventTime(text.time())
          .setIngestTime(text.time())
          .setFeatureTime(text.time())
          .build();
      examples.add(TrainingExample.newBuilder()
          .setFeatures(features)
          .setLabel(Sentiment.values()[text.label()])
          .setLabelTime(text.time() + 5_000)
          .setLabelDelayMs(5_000)
          .build());
    }
    return examples;
  }
}
