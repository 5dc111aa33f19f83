package io.sentiflow.ops;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Counts what reached a topic, in total and by distinct key, from its beginning (committed records
 * only): how the demo and the end-to-end test know that every comment got exactly one score.
 */
final class ScoreTally implements AutoCloseable {

  private final KafkaConsumer<String, byte[]> consumer;
  private final Set<String> distinctKeys = new HashSet<>();
  private final AtomicLong records = new AtomicLong();
  private final AtomicLong distinct = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;

  ScoreTally(Properties kafka, String topic) {
    Properties props = new Properties();
    props.putAll(kafka);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "sentiflow-tally-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(topic));
    thread = new Thread(this::run, "tally-" + topic);
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          records.incrementAndGet();
          if (distinctKeys.add(record.key())) {
            distinct.incrementAndGet();
          }
        }
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      consumer.close();
    }
  }

  long records() {
    return records.get();
  }

  long distinctKeys() {
    return distinct.get();
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
