package io.sentiflow.ingest;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The one way ingest builds a Kafka producer: idempotent and acks=all, whatever the caller passed. */
public final class IngestProducers {

  private IngestProducers() {}

  /**
   * A byte-array producer from the caller's client settings (bootstrap servers, security). Batching
   * defaults suit a firehose and may be overridden; idempotence and {@code acks=all} may not, since
   * they are what make a retried send land once.
   */
  public static KafkaProducer<byte[], byte[]> create(Properties kafka, String clientId) {
    return create(kafka, clientId, Map.of());
  }

  /** As {@link #create(Properties, String)}, with further defaults that the caller's settings still override. */
  public static KafkaProducer<byte[], byte[]> create(Properties kafka, String clientId, Map<String, String> defaults) {
    Properties props = new Properties();
    props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(128 * 1024));
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.putAll(defaults);
    props.putAll(kafka);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
