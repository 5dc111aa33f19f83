package io.sentiflow.ingest.replay;

import io.sentiflow.avro.Sentiment;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The labelled datasets shipped beside the repository (see {@code ../shared/data/README.md}). */
public enum DatasetPreset {

  /** US airline tweets, Feb 2015: thread = airline; the file is grouped by airline, so it is sorted by time. */
  AIRLINE("twitter-us-airline-sentiment/Tweets.csv.gz") {
    @Override
    public DatasetSpec spec(Path dataDir) {
      return new DatasetSpec(dataDir.resolve(relativePath()), null, DatasetFormat.CSV,
          new ColumnMapping("tweet_id", "text", "airline", "name", "tweet_created", "airline_sentiment", null),
          TimeFormat.of("yyyy-MM-dd HH:mm:ss Z"), LabelMapping.names(), "airline", "twitter", "airline", "en",
          SYNTHETIC_START, Duration.ofSeconds(1), false, true);
    }
  },

  /** Sentiment140 time-ordered subset, Apr–Jun 2009: emoticon labels 0 = negative, 4 = positive. */
  SENTIMENT140("sentiment140-subset/sentiment140_subset_time_ordered.csv.gz") {
    @Override
    public DatasetSpec spec(Path dataDir) {
      return new DatasetSpec(dataDir.resolve(relativePath()), null, DatasetFormat.CSV,
          new ColumnMapping("id", "text", null, "user", "created_at_utc", "target", null), TimeFormat.ISO,
          new LabelMapping(Map.of("0", Sentiment.NEGATIVE, "2", Sentiment.NEUTRAL, "4", Sentiment.POSITIVE)),
          "sentiment140", "twitter", "sentiment140", "en", SYNTHETIC_START, Duration.ofSeconds(1), false, true);
    }
  },

  /** SemEval-2017 task 4A pool 2011–2015, times decoded from the tweet ids; 2013 texts carry literal escapes. */
  SEMEVAL("semeval2017-task4a-2013-2016/semeval2013_2016_taskA_dedup_time_ordered.csv.gz") {
    @Override
    public DatasetSpec spec(Path dataDir) {
      return new DatasetSpec(dataDir.resolve(relativePath()), null, DatasetFormat.CSV,
          new ColumnMapping("tweet_id", "text", null, null, "created_at_utc_from_id", "label", null), TimeFormat.ISO,
          LabelMapping.names(), "semeval", "twitter", "semeval", "en", SYNTHETIC_START, Duration.ofSeconds(1), true,
          true);
    }
  },

  /** TweetEval sentiment validation split: no ids or times, so rows are numbered and spaced one second apart. */
  TWEETEVAL_VALIDATION("tweeteval-sentiment/val_text.txt") {
    @Override
    public DatasetSpec spec(Path dataDir) {
      return new DatasetSpec(dataDir.resolve(relativePath()), dataDir.resolve("tweeteval-sentiment/val_labels.txt"),
          DatasetFormat.LINE_PAIRS, new ColumnMapping(null, "text", null, null, null, "label", null), TimeFormat.ISO,
          new LabelMapping(Map.of("0", Sentiment.NEGATIVE, "1", Sentiment.NEUTRAL, "2", Sentiment.POSITIVE)),
          "tweeteval-val", "twitter", "tweeteval-val", "en", SYNTHETIC_START, Duration.ofSeconds(1), true, true);
    }
  };

  /** Where synthesised event times start for datasets without timestamps. */
  static final Instant SYNTHETIC_START = Instant.parse("2017-01-01T00:00:00Z");

  private final String relativePath;

  DatasetPreset(String relativePath) {
    this.relativePath = relativePath;
  }

  /** The dataset's main file, relative to the data directory. */
  public String relativePath() {
    return relativePath;
  }

  /** How to read this dataset when the data directory is {@code dataDir}. */
  public abstract DatasetSpec spec(Path dataDir);

  /** The CLI name: {@code airline}, {@code sentiment140}, {@code semeval}, {@code tweeteval-validation}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static DatasetPreset fromName(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(values())
        .filter(p -> p.cliName().equals(wanted))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown dataset preset '" + name + "'; known: "
            + Arrays.stream(values()).map(DatasetPreset::cliName).collect(Collectors.joining(", "))));
  }
}
