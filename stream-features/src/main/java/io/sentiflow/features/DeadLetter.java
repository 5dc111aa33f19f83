package io.sentiflow.features;

import io.sentiflow.avro.Rejected;
import io.sentiflow.schemas.Rejections;

/** Input the feature stage could not accept, with the reason; becomes a {@link Rejected}. */
public class DeadLetter {

  public String source;
  public String reason;
  public byte[] key;
  public byte[] original;

  public DeadLetter() {}

  public DeadLetter(KafkaBytes record, String reason) {
    this.source = record.topic;
    this.reason = reason;
    this.key = record.key;
    this.original = record.value;
  }

  public Rejected toRejected() {
    return Rejections.of(source, FeatureJob.STAGE, reason, key, original);
  }
}
