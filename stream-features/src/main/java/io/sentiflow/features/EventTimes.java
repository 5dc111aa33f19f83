package io.sentiflow.features;

import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.InvalidRecordException;

/**
 * Event time of a raw record, read at the source so that the Kafka source tracks a watermark per
 * partition: a partition read ahead of the others (a replay, a catch-up) then cannot drag the
 * watermark past comments still waiting in slower partitions and expire their join state early.
 * Bytes that do not decode get {@link Long#MIN_VALUE}, which never advances the watermark; the
 * decoding step sends them to {@code rejected}.
 */
final class EventTimes {

  private EventTimes() {}

  static long ofComment(KafkaBytes record) {
    try {
      return Codecs.COMMENT.decode(record.value).getEventTime();
    } catch (InvalidRecordException e) {
      return Long.MIN_VALUE;
    }
  }

  static long ofLabel(KafkaBytes record) {
    try {
      return Codecs.LABEL.decode(record.value).getLabelTime();
    } catch (InvalidRecordException e) {
      return Long.MIN_VALUE;
    }
  }
}
