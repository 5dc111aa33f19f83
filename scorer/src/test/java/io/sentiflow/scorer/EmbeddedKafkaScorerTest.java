package io.sentiflow.scorer;

import io.sentiflow.schemas.testing.KafkaCluster;
import io.sentiflow.schemas.testing.SharedEmbeddedKafka;

class EmbeddedKafkaScorerTest extends ScorerOnKafkaContract {

  @Override
  KafkaCluster cluster() {
    return SharedEmbeddedKafka.get();
  }
}
