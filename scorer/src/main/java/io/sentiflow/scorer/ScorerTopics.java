package io.sentiflow.scorer;

import io.sentiflow.schemas.Topic;

/** The topics the scorer reads and writes: Sentiflow's own, or a prefixed set for benchmarks beside a live system. */
public record ScorerTopics(String features, String labels, String scores, String sentimentByThread,
    String driftAlerts, String rejected) {

  public static ScorerTopics standard() {
    return new ScorerTopics(Topic.FEATURES.topicName(), Topic.LABELS.topicName(), Topic.SCORES.topicName(),
        Topic.SENTIMENT_BY_THREAD.topicName(), Topic.DRIFT_ALERTS.topicName(), Topic.REJECTED.topicName());
  }

  /** Every name with {@code prefix} in front. */
  public static ScorerTopics prefixed(String prefix) {
    ScorerTopics s = standard();
    return new ScorerTopics(prefix + s.features, prefix + s.labels, prefix + s.scores, prefix + s.sentimentByThread,
        prefix + s.driftAlerts, prefix + s.rejected);
  }
}
