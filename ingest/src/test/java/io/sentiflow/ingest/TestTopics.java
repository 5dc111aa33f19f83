package io.sentiflow.ingest;

import io.sentiflow.schemas.testing.KafkaCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Fresh comments/labels/rejected topics per test, so tests sharing one broker never see each
 * other's records, and readers that take partitions directly (no consumer group to join).
 */
public final class TestTopics {

  private TestTopics() {}

  public static IngestTopics create(KafkaCluster cluster) {
    String suffix = "-" + UUID.randomUUID().toString().substring(0, 8);
    IngestTopics topics = new IngestTopics("comments" + suffix, "labels" + suffix, "rejected" + suffix);
    try (Admin admin = Admin.create(cluster.clientProperties())) {
      admin.createTopics(List.of(new NewTopic(topics.comments(), 4, (short) 1),
          new NewTopic(topics.labels(), 4, (short) 1), new NewTopic(topics.rejected(), 1, (short) 1))).all().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create test topics", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (!TopicReadiness.await(cluster.clientProperties(),
        List.of(topics.comments(), topics.labels(), topics.rejected()), Duration.ofSeconds(60))) {
      throw new IllegalStateException("test topics did not become ready");
    }
    return topics;
  }

  /** Every record the topic holds now (everything acknowledged before the call), partition by partition. */
  public static List<ConsumerRecord<byte[], byte[]>> readAll(KafkaCluster cluster, String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(cluster, topic)) {
      Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic + " to its end");
        }
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
      }
      return records;
    }
  }

  /** Waits until the topic holds at least {@code count} records (for writes nobody waited on), then reads them all. */
  public static List<ConsumerRecord<byte[], byte[]>> readAtLeast(KafkaCluster cluster, String topic, int count,
      Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<ConsumerRecord<byte[], byte[]>> records = readAll(cluster, topic);
    while (records.size() < count && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      records = readAll(cluster, topic);
    }
    return records;
  }

  private static KafkaConsumer<byte[], byte[]> consumer(KafkaCluster cluster, String topic) {
    Properties props = cluster.clientProperties();
    props.put("isolation.level", "read_committed");
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
        .map(p -> new TopicPartition(topic, p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer;
  }
}
