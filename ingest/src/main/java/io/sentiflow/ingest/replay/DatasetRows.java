package io.sentiflow.ingest.replay;

import io.sentiflow.avro.Sentiment;
import java.util.List;
import java.util.stream.Stream;

/**
 * A dataset read exactly as a replay reads it, without Kafka, for offline evaluation: the valid
 * rows, each id once, in the replay's order (event time when the spec sorts, file order otherwise).
 *
 * @param rows the rows a replay would write as comments
 * @param rowsRead rows in the file
 * @param rejectedRows rows a replay would dead-letter (missing text, bad time, unknown label, ...)
 * @param duplicateRows repeats of an id already read, dropped
 */
public record DatasetRows(List<Row> rows, long rowsRead, long rejectedRows, long duplicateRows) {

  /** A comment's text, its label (null when unlabelled) and its event time in epoch milliseconds. */
  public record Row(String text, Sentiment label, long eventTime) {}

  public DatasetRows {
    rows = List.copyOf(rows);
  }

  /** Reads the whole of {@code spec}'s file. */
  public static DatasetRows read(DatasetSpec spec) {
    DatasetLoader loader = new DatasetLoader(ReplayConfig.of(spec), rejection -> {});
    try (Stream<DatasetRecord> comments = loader.comments()) {
      List<Row> rows = comments.map(r -> new Row(r.text(), r.label(), r.eventTime())).toList();
      return new DatasetRows(rows, loader.rowsRead(), loader.rejectedRows(), loader.duplicateRows());
    }
  }

  /** The rows that carry a label, in order. */
  public List<Row> labelled() {
    return rows.stream().filter(row -> row.label() != null).toList();
  }
}
