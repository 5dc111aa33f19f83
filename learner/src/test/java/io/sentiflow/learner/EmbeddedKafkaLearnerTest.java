package io.sentiflow.learner;

import io.sentiflow.schemas.testing.KafkaCluster;
import io.sentiflow.schemas.testing.SharedEmbeddedKafka;

class EmbeddedKafkaLearnerTest extends LearnerKafkaContract {

  @Override
  KafkaCluster cluster() {
    return SharedEmbeddedKafka.get();
  }
}
