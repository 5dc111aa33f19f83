package io.sentiflow.learner.drift;

import io.sentiflow.avro.DriftAlert;
import io.sentiflow.avro.Rejected;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.InvalidRecordException;
import io.sentiflow.schemas.Rejections;
import io.sentiflow.schemas.Topic;
import io.sentiflow.schemas.kafka.GrouplessReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Alerts published to {@code drift-alerts} from now on. Old alerts describe a model state that is
 * gone, so the feed starts at the end of the topic and needs no consumer group.
 */
public final class DriftAlertFeed implements AutoCloseable {

  private final KafkaConsumer<byte[], byte[]> consumer;

  public DriftAlertFeed(Properties clientProperties) {
    // An exactly-once scorer's alerts are real only once its transaction commits: the reader is read-committed.
    consumer = GrouplessReader.consumer(clientProperties, "learner-drift");
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
