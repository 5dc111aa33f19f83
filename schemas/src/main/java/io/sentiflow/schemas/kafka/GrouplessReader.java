package io.sentiflow.schemas.kafka;

import io.sentiflow.schemas.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Consumers that read assigned partitions without a consumer group, committed records only: for
 * state rebuilt from a topic (model topics, learner state) and feeds that start where they stand.
 */
public final class GrouplessReader {

  private GrouplessReader() {}

  /** A byte-array consumer on {@code clientProperties}, no group, no offset commits, read-committed. */
  public static KafkaConsumer<byte[], byte[]> consumer(Properties clientProperties, String clientIdPrefix) {
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // Model chunks may be as large as the topics allow.
    props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(4 * Topic.MAX_MESSAGE_BYTES));
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientIdPrefix + "-" + UUID.randomUUID());
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * Reads {@code partition} from its beginning to the end it has now, handing every record to
   * {@code onRecord} in order.
   *
   * @throws IllegalStateException when the end is not reached within {@code timeout}
   */
  public static void readFromStart(Properties clientProperties, String clientIdPrefix, TopicPartition partition,
      Duration timeout, Consumer<ConsumerRecord<byte[], byte[]>> onRecord) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(clientProperties, clientIdPrefix)) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      readToEnd(consumer, partition, System.nanoTime() + timeout.toNanos(), onRecord);
    }
  }

  /** Polls {@code consumer}, which has {@code partition} assigned, until it reaches the partition's current end. */
  public static void readToEnd(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, long deadlineNanos,
      Consumer<ConsumerRecord<byte[], byte[]>> onRecord) {
    long end = consumer.endOffsets(List.of(partition)).get(partition);
    while (consumer.position(partition) < end) {
      if (System.nanoTime() > deadlineNanos) {
        throw new IllegalStateException("timed out reading " + partition + " to offset " + end);
      }
      consumer.poll(Duration.ofMillis(200)).forEach(onRecord);
    }
  }
}
