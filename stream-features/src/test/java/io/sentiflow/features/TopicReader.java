package io.sentiflow.features;

import io.sentiflow.schemas.testing.KafkaCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a whole topic (committed records only) without joining a consumer group, so a read starts
 * at once and ends at the topic's current end.
 */
final class TopicReader {

  private TopicReader() {}

  /**
   * Waits until at least {@code expected} records are in {@code topic} (or {@code timeout} passes),
   * then returns every record up to the end of the topic, decoded.
   */
  static <T> List<T> readAll(KafkaCluster kafka, String topic, int expected, Duration timeout,
      Function<byte[], T> decode) {
    Properties props = kafka.clientProperties();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<T> records = new ArrayList<>();
      while (records.size() < expected && System.nanoTime() < deadline) {
        poll(consumer, records, decode);
      }
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (!reached(consumer, end) && System.nanoTime() < deadline) {
        poll(consumer, records, decode);
      }
      return records;
    }
  }

  private static <T> void poll(KafkaConsumer<byte[], byte[]> consumer, List<T> into, Function<byte[], T> decode) {
    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
      into.add(decode.apply(record.value()));
    }
  }

  private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }
}
