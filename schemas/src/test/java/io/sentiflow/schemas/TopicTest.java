package io.sentiflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class TopicTest {

  @Test
  void catalogueRetentionIsKeptUnlessUnlimitedIsAskedFor() {
    assertThat(Topic.FEATURES.configs(false)).containsEntry(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(3 * 86_400_000L));
    assertThat(Topic.FEATURES.configs(true)).containsEntry(TopicConfig.RETENTION_MS_CONFIG, "-1")
        .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
  }

  @Test
  void compactedSnapshotsCarryNoTimeRetentionEitherWay() {
    assertThat(Topic.MODEL_SNAPSHOTS.configs(true)).doesNotContainKey(TopicConfig.RETENTION_MS_CONFIG)
        .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    assertThat(Topic.MODEL_SNAPSHOTS.configs(true)).isEqualTo(Topic.MODEL_SNAPSHOTS.configs(false));
  }
}
