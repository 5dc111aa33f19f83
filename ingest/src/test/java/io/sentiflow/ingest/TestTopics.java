package io.sentiflow.ingest;

import io.sentiflow.schemas.testing.KafkaCluster;
import io.sentiflow.schemas.testing.KafkaTestUtils;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Fresh comments/labels/rejected topics per test, so tests sharing one broker never see each
 * other's records, and readers that take partitions directly (no consumer group to join).
 */
public final class TestTopics {

  private TestTopics() {}

  public static IngestTopics create(KafkaCluster cluster) {
    String suffix = "-" + UUID.randomUUID().toString().substring(0, 8);
    IngestTopics topics = new IngestTopics("comments" + suffix, "labels" + suffix, "rejected" + suffix);
    KafkaTestUtils.createTopics(cluster, Map.of(topics.comments(), 4, topics.labels(), 4, topics.rejected(), 1));
    return topics;
  }

  /** Every record the topic holds now (everything acknowledged before the call). */
  public static List<ConsumerRecord<byte[], byte[]>> readAll(KafkaCluster cluster, String topic) {
    return KafkaTestUtils.readToEnd(cluster, topic, record -> true, 0, Duration.ofSeconds(30));
  }

  /** Waits until the topic holds at least {@code count} records (for writes nobody waited on), then reads them all. */
  public static List<ConsumerRecord<byte[], byte[]>> readAtLeast(KafkaCluster cluster, String topic, int count,
      Duration timeout) {
    return KafkaTestUtils.readToEnd(cluster, topic, record -> true, count, timeout);
  }
}
