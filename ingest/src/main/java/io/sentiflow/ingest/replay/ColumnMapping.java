package io.sentiflow.ingest.replay;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which source column feeds each comment field. Only {@code text} is required: a missing id
 * column numbers the rows, a missing time column synthesises increasing times, a missing label
 * column replays comments without feedback.
 *
 * @param id comment id column, or null to use {@code <defaultThread>-<row number>}
 * @param text comment text column
 * @param thread conversation column (brand, topic, hashtag), or null for the dataset's default thread
 * @param author author handle column (pseudonymised before it is written), or null
 * @param time event time column, or null to synthesise times
 * @param label sentiment label column, or null
 * @param language language tag column, or null for the dataset's default language
 */
public record ColumnMapping(String id, String text, String thread, String author, String time, String label,
    String language) {

  private static final List<String> FIELDS = List.of("id", "text", "thread", "author", "time", "label", "language");

  public ColumnMapping {
    Objects.requireNonNull(text, "text column");
  }

  /**
   * From the command-line form, e.g.
   * {@code id=tweet_id,text=text,thread=airline,author=name,time=tweet_created,label=airline_sentiment};
   * fields left out have no column.
   */
  public static ColumnMapping parse(String text) {
    Map<String, String> columns = new HashMap<>();
    for (String pair : text.split(",")) {
      String[] kv = pair.split("=", 2);
      if (kv.length != 2 || !FIELDS.contains(kv[0].strip()) || kv[1].isBlank()) {
        throw new IllegalArgumentException("column mapping is written FIELD=COLUMN,... with FIELD one of " + FIELDS
            + "; not '" + text + "'");
      }
      columns.put(kv[0].strip(), kv[1].strip());
    }
    if (!columns.containsKey("text")) {
      throw new IllegalArgumentException("column mapping needs text=COLUMN");
    }
    return new ColumnMapping(columns.get("id"), columns.get("text"), columns.get("thread"), columns.get("author"),
        columns.get("time"), columns.get("label"), columns.get("language"));
  }
}
