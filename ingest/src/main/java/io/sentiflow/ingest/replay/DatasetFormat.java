package io.sentiflow.ingest.replay;

import java.nio.file.Path;
import java.util.Locale;

/** How a dataset file is laid out. Every format may be gzip-compressed. */
public enum DatasetFormat {
  /** Comma-separated with a header row and standard quoting (newlines allowed inside quotes). */
  CSV,
  /** One JSON object per line; columns are field names or JSON pointers such as {@code /user/name}. */
  JSONL,
  /**
   * A text file with one comment per line and a second file with its label on the same line
   * number; the columns are named {@code text} and {@code label}.
   */
  LINE_PAIRS;

  /**
   * Guesses the format from the file name: {@code .csv}, {@code .jsonl}, {@code .ndjson},
   * {@code .json}, {@code .txt}, each optionally followed by {@code .gz}.
   */
  public static DatasetFormat of(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    if (name.endsWith(".csv")) {
      return CSV;
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return JSONL;
    }
    if (name.endsWith(".txt")) {
      return LINE_PAIRS;
    }
    throw new IllegalArgumentException(
        "cannot tell the format of " + file + " from its name; say csv, jsonl or line-pairs");
  }
}
