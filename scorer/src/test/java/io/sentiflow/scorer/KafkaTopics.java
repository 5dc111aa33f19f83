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
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

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
    return KafkaTestUtils.readToEnd(cluster, topic, mine, count, timeout);
  }

  static String key(ConsumerRecord<byte[], byte[]> record) {
    return record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
  }
}
