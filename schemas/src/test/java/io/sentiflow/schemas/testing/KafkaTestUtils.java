package io.sentiflow.schemas.testing;

import io.sentiflow.schemas.kafka.TopicReadiness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Produce to a topic and wait until N records arrive: the two moves of every broker test. */
public final class KafkaTestUtils {

  private KafkaTestUtils() {}

  /**
   * Creates topics with the given partition counts and waits until every partition has a serving
   * leader, so tests may write to them at once.
   */
  public static void createTopics(KafkaCluster cluster, Map<String, Integer> partitionsByTopic) {
    try (Admin admin = Admin.create(cluster.clientProperties())) {
      admin.createTopics(partitionsByTopic.entrySet().stream()
          .map(topic -> new NewTopic(topic.getKey(), topic.getValue(), (short) 1)).toList()).all().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create test topics", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (!TopicReadiness.await(cluster.clientProperties(), partitionsByTopic.keySet(), Duration.ofSeconds(60))) {
      throw new IllegalStateException("test topics " + partitionsByTopic.keySet() + " did not become ready");
    }
  }

  /** Writes raw key/value pairs and waits until the broker acknowledged all of them. */
  public static void produce(KafkaCluster cluster, String topic, List<byte[][]> keyValues) {
    Properties props = cluster.clientProperties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (byte[][] kv : keyValues) {
        producer.send(new ProducerRecord<>(topic, kv[0], kv[1]));
      }
      producer.flush();
    }
  }

  /**
   * Reads {@code topic} from the beginning (committed records only) until {@code count} records
   * arrived or {@code timeout} passed, and returns what arrived.
   */
  public static List<ConsumerRecord<byte[], byte[]>> consumeAtLeast(KafkaCluster cluster, String topic, int count,
      Duration timeout) {
    Properties props = cluster.clientProperties();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<byte[], byte[]>> received = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      while (received.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
      }
    }
    return received;
  }

  /**
   * Reads every partition of {@code topic} from the beginning, without a consumer group, committed
   * records only, keeping the records {@code mine} accepts, until {@code count} of them arrived and
   * the topic was then read to its end (so duplicates show), or {@code timeout} passed.
   */
  public static List<ConsumerRecord<byte[], byte[]>> readToEnd(KafkaCluster cluster, String topic,
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
}
