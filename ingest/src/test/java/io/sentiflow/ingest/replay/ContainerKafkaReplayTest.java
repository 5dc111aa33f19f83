package io.sentiflow.ingest.replay;

import io.sentiflow.schemas.testing.ContainerKafka;
import io.sentiflow.schemas.testing.KafkaCluster;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** The replay contract on a Kafka container; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerKafkaReplayTest extends ReplayBrokerContract {

  @Container
  static final KafkaContainer KAFKA = ContainerKafka.create();

  @Override
  protected KafkaCluster cluster() {
    return KAFKA::getBootstrapServers;
  }
}
