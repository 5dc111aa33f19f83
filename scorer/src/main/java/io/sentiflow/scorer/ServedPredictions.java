package io.sentiflow.scorer;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The prediction served for each comment id, remembered for {@code retention} of event time in a
 * key-value store: it drops features replayed upstream (a comment is scored once) and lets a late label be
 * compared with what was served (the concept-drift error stream). A point lookup per record keeps
 * this cheap; expired ids are swept in the background of stream time.
 */
final class ServedPredictions {

  static final String STORE = "served-predictions";

  /** How often, in stream time, expired ids are swept. */
  static Duration sweepInterval(Duration retention) {
    return Duration.ofMillis(Math.max(60_000, retention.toMillis() / 24));
  }

  /** Offset of the scored {@code features} record when unknown (values written before it was kept). */
  static final long UNKNOWN_OFFSET = -1;

  /** {eventTime, modelVersion, predictedClass, featuresOffset}, 25 bytes; 17-byte values have no offset. */
  static final Serde<long[]> VALUE_SERDE = Serdes.serdeFrom(
      (topic, v) -> v == null ? null
          : ByteBuffer.allocate(25).putLong(v[0]).putLong(v[1]).put((byte) v[2]).putLong(v[3]).array(),
      (topic, bytes) -> {
        if (bytes == null) {
          return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new long[] {buffer.getLong(), buffer.getLong(), buffer.get(),
            buffer.remaining() >= Long.BYTES ? buffer.getLong() : UNKNOWN_OFFSET};
      });

  private final KeyValueStore<String, long[]> store;

  ServedPredictions(KeyValueStore<String, long[]> store) {
    this.store = store;
  }

  void remember(String commentId, long eventTime, long modelVersion, int predictedClass, long featuresOffset) {
    store.put(commentId, new long[] {eventTime, modelVersion, predictedClass, featuresOffset});
  }

  /** Whether {@code served} (from {@link #find}) was remembered for the {@code features} record at that offset. */
  static boolean servedFrom(long[] served, long featuresOffset) {
    return featuresOffset != UNKNOWN_OFFSET && served[3] == featuresOffset;
  }

  /**
   * {eventTime, modelVersion, predictedClass, featuresOffset} served for the comment, or {@code null}
   * if none is remembered.
   */
  long[] find(String commentId) {
    return store.get(commentId);
  }

  /** Forgets comments whose event time is before {@code oldestKept}. */
  void forgetBefore(long oldestKept) {
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, long[]> it = store.all()) {
      while (it.hasNext()) {
        KeyValue<String, long[]> kv = it.next();
        if (kv.value[0] < oldestKept) {
          expired.add(kv.key);
        }
      }
    }
    expired.forEach(store::delete);
  }
}
