package io.sentiflow.schemas.testing;

import java.util.Properties;

/** A Kafka cluster an integration test talks to: the embedded broker or a container. */
public interface KafkaCluster {

  String bootstrapServers();

  default Properties clientProperties() {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrapServers());
    return props;
  }
}
