package io.sentiflow.ingest.replay;

import io.sentiflow.avro.Sentiment;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Maps a dataset's label values (e.g. {@code negative}, {@code 0}, {@code 4}) to sentiments, case-insensitively. */
public record LabelMapping(Map<String, Sentiment> values) {

  public LabelMapping {
    Map<String, Sentiment> normalised = new HashMap<>();
    values.forEach((k, v) -> normalised.put(k.strip().toLowerCase(Locale.ROOT), v));
    values = Map.copyOf(normalised);
  }

  /** {@code negative}, {@code neutral}, {@code positive}. */
  public static LabelMapping names() {
    return new LabelMapping(Map.of("negative", Sentiment.NEGATIVE, "neutral", Sentiment.NEUTRAL,
        "positive", Sentiment.POSITIVE));
  }

  /** From the command-line form {@code 0=negative,2=neutral,4=positive}. */
  public static LabelMapping parse(String text) {
    Map<String, Sentiment> values = new HashMap<>();
    for (String pair : text.split(",")) {
      String[] kv = pair.split("=", 2);
      if (kv.length != 2 || kv[0].isBlank()) {
        throw new IllegalArgumentException("label mapping is written VALUE=SENTIMENT,...; not '" + text + "'");
      }
      try {
        values.put(kv[0], Sentiment.valueOf(kv[1].strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("'" + kv[1] + "' is not negative, neutral or positive", e);
      }
    }
    return new LabelMapping(values);
  }

  /** The sentiment of {@code value}, or empty when the value is not one this dataset uses. */
  public Optional<Sentiment> sentimentOf(String value) {
    return Optional.ofNullable(values.get(value.strip().toLowerCase(Locale.ROOT)));
  }
}
