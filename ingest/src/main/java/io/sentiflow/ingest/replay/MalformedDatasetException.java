package io.sentiflow.ingest.replay;

/**
 * A dataset row the file's parser cannot get past (a CSV quote left open, say): the row is lost
 * and the rows after it cannot be read, so the replay dead-letters the position and stops.
 */
final class MalformedDatasetException extends RuntimeException {

  private final long row;

  MalformedDatasetException(long row, String message, Throwable cause) {
    super(message, cause);
    this.row = row;
  }

  /** 1-based number of the row that could not be read (header excluded). */
  long row() {
    return row;
  }
}
