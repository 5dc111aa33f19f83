package io.sentiflow.scorer;

import io.sentiflow.schemas.model.ModelCodec;
import io.sentiflow.schemas.model.ModelDelta;
import io.sentiflow.schemas.model.ModelWeights;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.Topic;
import io.sentiflow.schemas.testing.KafkaCluster;
import io.sentiflow.schemas.testing.KafkaTestUtils;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Publishing models and reading outputs on a shared broker, where other tests' records are around. */
final class KafkaTopics {

  private KafkaTopics() {}

  static void publishSnapshot(KafkaCluster cluster, ModelWeights weights) {
    List<byte[][]> records = new ArrayList<>();
    ModelCodec.toSnapshot(weights, ModelCodec.DEFAULT_MAX_PAYLOAD_BYTES).forEach(chunk -> records.add(new byte[][] {
        ModelCodec.snapshotKey(chunk).getBytes(StandardCharsets.UTF_8), Codecs.MODEL_CHUNK.encode(chunk)}));
    KafkaTestUtils.produce(cluster, Topic.MODEL_SNAPSHOTS.topicName(), records);
  }

  static void publishDelta(KafkaCluster cluster, ModelDelta delta) {
    List<byte[][]> records = new ArrayList<>();
    ModelCodec.toUpdates(delta, ModelCodec.DEFAULT_MAX_PAYLOAD_BYTES).forEach(update -> records.add(new byte[][] {
        delta.modelId().getBytes(StandardCharsets.UTF_8), Codecs.MODEL_UPDATE.encode(update)}));
    KafkaTestUtils.produce(cluster, Topic.MODEL_UPDATES.topicName(), records);
  }

  /**
   * Reads every partition of {@code topic} from the beginning, without a consumer group, committed
   * records only, and keeps the records {@code mine} accepts, until {@code count} of them arrived
   * and the topic was read to its end (so duplicates show), or {@code timeout} passed.
   */
  static List<ConsumerRecord<byte[], byte[]>> await(KafkaCluster cluster, String topic,
      Predicate<ConsumerRecord<byte[], byte[]>> mine, int count, Duration timeout) {
    Properties props = cluster.clientProperties();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<byte[], byte[]>> received = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = Map.of();
      while (System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> {
          if (mine.test(r)) {
            received.add(r);
          }
        });
        if (received.size() >= count) {
          if (end.isEmpty()) {
            end = consumer.endOffsets(partitions);
          }
          if (end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
            break;
          }
        }
      }
    }
    return received;
  }

  static String key(ConsumerRecord<byte[], byte[]> record) {
    return record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
  }
}
