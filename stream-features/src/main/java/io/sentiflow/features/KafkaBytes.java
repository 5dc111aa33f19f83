package io.sentiflow.features;

/**
 * One Kafka record as it came off a topic, still undecoded, so that bytes which are not a valid
 * record can be sent to {@code rejected} whole. A Flink POJO.
 */
public class KafkaBytes {

  /** The topic the record came from; the {@code source} of a dead letter. */
  public String topic;
  /** May be null. */
  public byte[] key;
  /** May be null (a tombstone). */
  public byte[] value;

  public KafkaBytes() {}

  public KafkaBytes(String topic, byte[] key, byte[] value) {
    this.topic = topic;
    this.key = key;
    this.value = value;
  }
}
