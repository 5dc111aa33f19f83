package io.sentiflow.schemas;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;

/** Sentiflow's topics with the settings they are created with. */
public enum Topic {
  COMMENTS("comments", 4, TopicConfig.CLEANUP_POLICY_DELETE, Duration.ofDays(7)),
  LABELS("labels", 4, TopicConfig.CLEANUP_POLICY_DELETE, Duration.ofDays(7)),
  FEATURES("features", 4, TopicConfig.CLEANUP_POLICY_DELETE, Duration.ofDays(3)),
  TRAINING_EXAMPLES("training-examples", 4, TopicConfig.CLEANUP_POLICY_DELETE, Duration.ofDays(7)),
  /** One partition: deltas must be applied in version order. */
  MODEL_UPDATES("model-updates", 1, TopicConfig.CLEANUP_POLICY_DELETE, Duration.ofDays(2)),
  /** Compacted: the newest full snapshot survives, older chunks are tombstoned. */
  MODEL_SNAPSHOTS("model-snapshots", 1, TopicConfig.CLEANUP_POLICY_COMPACT, null),
  SCORES("scores", 4, TopicConfig.CLEANUP_POLICY_DELETE, Duration.ofDays(3)),
  SENTIMENT_BY_THREAD("sentiment-by-thread", 4, TopicConfig.CLEANUP_POLICY_DELETE, Duration.ofDays(7)),
  /**
   * Compacted, read by the learner only: its optimizer accumulators, metrics window and gate
   * history, committed with each model version so a restart continues exactly.
   */
  LEARNER_STATE("learner-state", 1, TopicConfig.CLEANUP_POLICY_COMPACT, null),
  DRIFT_ALERTS("drift-alerts", 1, TopicConfig.CLEANUP_POLICY_DELETE, Duration.ofDays(30)),
  REJECTED("rejected", 1, TopicConfig.CLEANUP_POLICY_DELETE, Duration.ofDays(30));

  private final String topicName;
  private final int partitions;
  private final String cleanupPolicy;
  private final Duration retention;

  Topic(String topicName, int partitions, String cleanupPolicy, Duration retention) {
    this.topicName = topicName;
    this.partitions = partitions;
    this.cleanupPolicy = cleanupPolicy;
    this.retention = retention;
  }

  public String topicName() {
    return topicName;
  }

  public int partitions() {
    return partitions;
  }

  /**
   * Topic-level configs: cleanup policy, the catalogue's retention, and room for model chunks. Kafka measures retention against record timestamps, and Sentiflow's are
   * event times, so a topic that receives a replay of history older than its retention deletes the
   * records at its next retention check, before consumers read them; {@code unlimitedRetention}
   * keeps every record for as long as the topic exists.
   */
  public Map<String, String> configs(boolean unlimitedRetention) {
    if (retention == null) {
      return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy,
          TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(MAX_MESSAGE_BYTES));
    }
    return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy,
        TopicConfig.RETENTION_MS_CONFIG, unlimitedRetention ? "-1" : String.valueOf(retention.toMillis()),
        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(MAX_MESSAGE_BYTES));
  }

  /** Kafka's default message limit; model deltas and snapshots are split to stay well under it. */
  public static final int MAX_MESSAGE_BYTES = 1_048_588;
}
