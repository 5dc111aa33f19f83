package io.sentiflow.learner.publish;

import io.sentiflow.schemas.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The data-chunk keys of a model still alive on the compacted snapshot topic, so the next snapshot
 * can tombstone them, including chunks left behind by an earlier run.
 */
public final class SnapshotKeys {

  private SnapshotKeys() {}

  public static Set<String> live(Properties clientProperties, String modelId, Duration timeout) {
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "learner-snapshot-keys-" + UUID.randomUUID());
    props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(4 * Topic.MAX_MESSAGE_BYTES));
    TopicPartition partition = new TopicPartition(Topic.MODEL_SNAPSHOTS.topicName(), 0);
    String prefix = modelId + "/";
    String manifest = prefix + "manifest";
    Set<String> live = new HashSet<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      while (consumer.position(partition) < end) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("timed out reading " + partition + " to offset " + end);
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
          if (key.startsWith(prefix) && !key.equals(manifest)) {
            if (record.value() == null) {
              live.remove(key);
            } else {
              live.add(key);
            }
          }
        }
      }
    }
    return live;
  }
}
