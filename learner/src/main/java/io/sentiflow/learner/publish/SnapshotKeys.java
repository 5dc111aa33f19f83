package io.sentiflow.learner.publish;

import io.sentiflow.schemas.Topic;
import io.sentiflow.schemas.kafka.GrouplessReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * The data-chunk keys of a model still alive on the compacted snapshot topic, so the next snapshot
 * can tombstone them, including chunks left behind by an earlier run.
 */
public final class SnapshotKeys {

  private SnapshotKeys() {}

  public static Set<String> live(Properties clientProperties, String modelId, Duration timeout) {
    String prefix = modelId + "/";
    String manifest = prefix + "manifest";
    Set<String> live = new HashSet<>();
    GrouplessReader.readFromStart(clientProperties, "learner-snapshot-keys",
        new TopicPartition(Topic.MODEL_SNAPSHOTS.topicName(), 0), timeout, record -> {
          String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
          if (key.startsWith(prefix) && !key.equals(manifest)) {
            if (record.value() == null) {
              live.remove(key);
            } else {
              live.add(key);
            }
          }
        });
    return live;
  }
}
