package io.sentiflow.scorer;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Stamps a record with the wall-clock time it is published. Inside the topology records carry the
 * comment's event time (windows need it); on output topics the timestamp is the publish time, so
 * retention counts from when a record was written even when old comments are replayed. Event
 * times stay in the records' fields.
 */
final class PublishTimeStamp<K, V> implements FixedKeyProcessor<K, V, V> {

  private FixedKeyProcessorContext<K, V> context;

  @Override
  public void init(FixedKeyProcessorContext<K, V> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<K, V> record) {
    context.forward(record.withTimestamp(context.currentSystemTimeMs()));
  }
}
