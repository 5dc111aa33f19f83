package io.sentiflow.features;

import io.sentiflow.schemas.testing.ContainerKafka;
import io.sentiflow.schemas.testing.KafkaCluster;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** The same contract against Apache Kafka in a container; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerFeatureJobTest extends FeatureJobContract {

  @Container
  static final KafkaContainer KAFKA = ContainerKafka.create();

  @Override
  KafkaCluster kafka() {
    return KAFKA::getBootstrapServers;
  }
}
