package io.sentiflow.features;

import io.sentiflow.schemas.testing.KafkaCluster;
import io.sentiflow.schemas.testing.KafkaTestUtils;
import java.util.Map;
import java.util.UUID;

/** A private set of the feature job's topics, so tests sharing one broker do not see each other. */
final class TestTopics {

  private TestTopics() {}

  static FeatureTopics create(KafkaCluster cluster) {
    FeatureTopics topics = FeatureTopics.defaults().withSuffix("-" + UUID.randomUUID().toString().substring(0, 8));
    KafkaTestUtils.createTopics(cluster, Map.of(topics.comments(), 4, topics.labels(), 4, topics.features(), 4,
        topics.trainingExamples(), 4, topics.rejected(), 1));
    return topics;
  }
}
