package io.sentiflow.ingest.validate;

/** The outcome of validating one input line. */
public sealed interface Validated<T> {

  /**
   * A record fit to write.
   *
   * @param key the Kafka key (comment id)
   * @param fingerprint the content the client sent, for recognising a repeat of the same record
   */
  record Valid<T>(T record, String key, long fingerprint) implements Validated<T> {}

  /**
   * A line that must not be written.
   *
   * @param code machine-readable error, e.g. {@code missing_field}
   * @param reason a sentence for people and dead letters
   * @param key the comment id when the line had one, else null
   * @param redacted the line with any author handle replaced by its pseudonym
   */
  record Invalid<T>(String code, String reason, String key, byte[] redacted) implements Validated<T> {}
}
