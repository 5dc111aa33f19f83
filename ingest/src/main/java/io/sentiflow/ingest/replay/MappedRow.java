package io.sentiflow.ingest.replay;

/** A source row after validation: a record to replay or a dead letter. */
sealed interface MappedRow {

  record Valid(DatasetRecord record) implements MappedRow {}

  /**
   * @param key the row's comment id when it had one, else null
   * @param original the row with the author handle pseudonymised
   */
  record Invalid(long rowNumber, String reason, byte[] key, byte[] original) implements MappedRow {}
}
