package io.sentiflow.ingest.http;

import io.sentiflow.schemas.testing.ContainerKafka;
import io.sentiflow.schemas.testing.KafkaCluster;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** The HTTP ingest contract on a Kafka container; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerKafkaHttpIngestTest extends HttpIngestContract {

  @Container
  static final KafkaContainer KAFKA = ContainerKafka.create();

  @Override
  protected KafkaCluster cluster() {
    return KAFKA::getBootstrapServers;
  }
}
