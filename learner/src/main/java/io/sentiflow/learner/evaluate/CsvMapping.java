package io.sentiflow.learner.evaluate;

import io.sentiflow.avro.Sentiment;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Which CSV columns hold the text, the label and (optionally) the time, and how label values map
 * to classes. Rows whose label is not in {@code labels} are skipped.
 *
 * @param timeFormat pattern of the time column, {@link #ISO_8601} for ISO-8601 instants, or
 *     {@code null} for epoch milliseconds
 */
public record CsvMapping(String textColumn, String labelColumn, String timeColumn, String timeFormat,
    Map<String, Sentiment> labels) {

  /** {@code timeFormat} for ISO-8601 instants such as {@code 2009-04-07T05:19:45Z}. */
  public static final String ISO_8601 = "iso-8601";

  /** The US airline tweets: {@code text}, {@code airline_sentiment}, {@code tweet_created}. */
  public static CsvMapping airline() {
    return new CsvMapping("text", "airline_sentiment", "tweet_created", "yyyy-MM-dd HH:mm:ss Z",
        Map.of("negative", Sentiment.NEGATIVE, "neutral", Sentiment.NEUTRAL, "positive", Sentiment.POSITIVE));
  }

  /** The Sentiment140 subset: {@code text}, {@code target} (0 negative, 4 positive), {@code created_at_utc}. */
  public static CsvMapping sentiment140() {
    return new CsvMapping("text", "target", "created_at_utc", ISO_8601,
        Map.of("0", Sentiment.NEGATIVE, "4", Sentiment.POSITIVE));
  }

  /** The SemEval-2017 pool: {@code text}, {@code label}, {@code created_at_utc_from_id}. */
  public static CsvMapping semEval() {
    return new CsvMapping("text", "label", "created_at_utc_from_id", ISO_8601,
        Map.of("negative", Sentiment.NEGATIVE, "neutral", Sentiment.NEUTRAL, "positive", Sentiment.POSITIVE));
  }

  DateTimeFormatter formatter() {
    if (timeFormat == null) {
      return null;
    }
    return timeFormat.equals(ISO_8601)
        ? DateTimeFormatter.ISO_OFFSET_DATE_TIME
        : DateTimeFormatter.ofPattern(timeFormat);
  }
}
