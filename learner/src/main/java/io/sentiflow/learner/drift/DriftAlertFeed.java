package io.sentiflow.learner.drift;

import io.sentiflow.avro.DriftAlert;
import io.sentiflow.avro.Rejected;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.InvalidRecordException;
import io.sentiflow.schemas.Rejections;
import io.sentiflow.schemas.Topic;
import java.time.Duration;
import java.util.ArrayList;
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
 * Alerts published to {@code drift-alerts} from now on. Old alerts describe a model state that is
 * gone, so the feed starts at the end of the topic and needs no consumer group.
 */
public final class DriftAlertFeed implements AutoCloseable {

  private final KafkaConsumer<byte[], byte[]> consumer;

  public DriftAlertFeed(Properties clientProperties) {
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    // An exactly-once scorer's alerts are real only once its transaction commits.
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "learner-drift-" + UUID.randomUUID());
    consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (int p = 0; p < Topic.DRIFT_ALERTS.partitions(); p++) {
      partitions.add(new TopicPartition(Topic.DRIFT_ALERTS.topicName(), p));
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
  }

  /** Alerts that arrived since the last call, without waiting; undecodable ones go to {@code rejects}. */
  public List<DriftAlert> poll(Consumer<Rejected> rejects) {
    List<DriftAlert> alerts = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ZERO)) {
      try {
        alerts.add(Codecs.DRIFT_ALERT.decode(record.value()));
      } catch (InvalidRecordException e) {
        rejects.accept(Rejections.of(record.topic(), "learner", "undecodable drift alert: " + e.getMessage(),
            record.key(), record.value()));
      }
    }
    return alerts;
  }

  @Override
  public void close() {
    consumer.close();
  }
}
