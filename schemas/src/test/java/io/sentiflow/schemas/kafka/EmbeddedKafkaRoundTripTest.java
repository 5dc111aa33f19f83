package io.sentiflow.schemas.kafka;

import io.sentiflow.schemas.testing.KafkaCluster;
import io.sentiflow.schemas.testing.SharedEmbeddedKafka;

class EmbeddedKafkaRoundTripTest extends KafkaRoundTripContract {

  @Override
  KafkaCluster cluster() {
    return SharedEmbeddedKafka.get();
  }
}
