package io.sentiflow.ingest.replay;

/** A replay could not go on: the dataset is unreadable or Kafka refused records after the producer's retries. */
public final class ReplayException extends RuntimeException {

  public ReplayException(String message, Throwable cause) {
    super(message, cause);
  }
}
