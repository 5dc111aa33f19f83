package io.sentiflow.features;

import io.sentiflow.schemas.testing.KafkaCluster;
import io.sentiflow.schemas.testing.KafkaTestUtils;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

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
    return KafkaTestUtils.readToEnd(kafka, topic, record -> true, expected, timeout).stream()
        .map(record -> decode.apply(record.value())).toList();
  }
}
