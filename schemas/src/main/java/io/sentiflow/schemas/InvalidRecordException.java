package io.sentiflow.schemas;

/** Input that cannot become a valid record; its message is the reason written to {@code rejected}. */
public class InvalidRecordException extends RuntimeException {

  public InvalidRecordException(String reason) {
    super(reason);
  }

  public InvalidRecordException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
