package io.sentiflow.ingest.http;

/**
 * What became of one line of a request: {@code accepted} (written), {@code duplicate} (the same
 * record was accepted before; not written again), {@code rejected} (invalid; sent to the dead-letter
 * topic; {@code error} and {@code reason} say why) or {@code unavailable} (Kafka did not acknowledge
 * it in time; send it again). Null fields are left out of the answer.
 */
public record LineResult(int line, String status, String id, String error, String reason) {

  static LineResult accepted(int line, String id) {
    return new LineResult(line, "accepted", id, null, null);
  }

  static LineResult duplicate(int line, String id) {
    return new LineResult(line, "duplicate", id, null, null);
  }

  static LineResult rejected(int line, String id, String error, String reason) {
    return new LineResult(line, "rejected", id, error, reason);
  }

  static LineResult unavailable(int line, String id, String reason) {
    return new LineResult(line, "unavailable", id, "kafka_unavailable", reason);
  }

  boolean isRejected() {
    return "rejected".equals(status);
  }
}
