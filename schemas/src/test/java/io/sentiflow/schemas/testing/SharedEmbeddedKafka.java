package io.sentiflow.schemas.testing;

import io.sentiflow.schemas.kafka.EmbeddedKafkaBroker;
import io.sentiflow.schemas.kafka.TopicProvisioner;

/**
 * One embedded KRaft broker per test JVM, started on first use with Sentiflow's topics created,
 * and stopped when the JVM exits. Tests that need isolation use unique topic names or consumer
 * groups, or an {@link EmbeddedKafkaBroker} of their own.
 */
public final class SharedEmbeddedKafka implements KafkaCluster {

  private static SharedEmbeddedKafka instance;

  private final EmbeddedKafkaBroker broker;

  private SharedEmbeddedKafka(EmbeddedKafkaBroker broker) {
    this.broker = broker;
  }

  public static synchronized SharedEmbeddedKafka get() {
    if (instance == null) {
      EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
      TopicProvisioner.createMissing(broker.bootstrapServers());
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "embedded-kafka-shutdown"));
      instance = new SharedEmbeddedKafka(broker);
    }
    return instance;
  }

  @Override
  public String bootstrapServers() {
    return broker.bootstrapServers();
  }
}
