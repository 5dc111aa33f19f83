package io.sentiflow.features;

import io.sentiflow.schemas.testing.KafkaCluster;
import io.sentiflow.schemas.testing.SharedEmbeddedKafka;

class EmbeddedFeatureJobTest extends FeatureJobContract {

  @Override
  KafkaCluster kafka() {
    return SharedEmbeddedKafka.get();
  }
}
