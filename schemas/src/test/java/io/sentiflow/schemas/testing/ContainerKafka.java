package io.sentiflow.schemas.testing;

import org.testcontainers.kafka.KafkaContainer;

/** The Testcontainers twin of the embedded broker, configured like it (see {@code EmbeddedKafkaBroker}). */
public final class ContainerKafka {

  private ContainerKafka() {}

  /** Apache Kafka in a container, keeping records of any age as the embedded broker does. */
  public static KafkaContainer create() {
    return new KafkaContainer("apache/kafka:4.1.0").withEnv("KAFKA_LOG_RETENTION_MS", "-1");
  }
}
