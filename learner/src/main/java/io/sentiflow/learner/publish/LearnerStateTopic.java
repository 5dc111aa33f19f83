package io.sentiflow.learner.publish;

import io.sentiflow.avro.LearnerState;
import io.sentiflow.avro.OptimizerRow;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.InvalidRecordException;
import io.sentiflow.schemas.Topic;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learner's private state on the compacted {@code learner-state} topic: one {@link LearnerState}
 * per model (key {@code modelId/learner}) and one {@link OptimizerRow} per embedding row that has
 * accumulators (key {@code modelId/row/BUCKET}). Rows are written when a version changes them, so
 * compaction keeps each row's newest state and the topic needs no snapshots of its own.
 *
 * <p>Kept off the model topics on purpose: every scorer reads those, and the accumulators would
 * double what they download for nothing; the public model records stay as they are.
 */
public final class LearnerStateTopic {

  private static final Logger LOG = LoggerFactory.getLogger(LearnerStateTopic.class);

  /** What a restarting learner finds: the newest state record and the rows' accumulators. */
  public record Committed(LearnerState state, Map<Integer, float[]> rowStates) {}

  private LearnerStateTopic() {}

  static String stateKey(String modelId) {
    return modelId + "/learner";
  }

  static String rowKey(String modelId, int bucket) {
    return modelId + "/row/" + bucket;
  }

  /**
   * Reads the topic to its end (committed records only). Rows written at or before the state's
   * {@code optimizerResetAfter} version predate a reset and are left out.
   */
  public static Optional<Committed> read(Properties clientProperties, String modelId, Duration timeout) {
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "learner-state-" + UUID.randomUUID());
    TopicPartition partition = new TopicPartition(Topic.LEARNER_STATE.topicName(), 0);
    String stateKey = stateKey(modelId);
    String rowPrefix = modelId + "/row/";
    LearnerState state = null;
    Map<Integer, OptimizerRow> rows = new HashMap<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      while (consumer.position(partition) < end) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("timed out reading " + partition + " to offset " + end);
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
          try {
            if (key.equals(stateKey)) {
              state = record.value() == null ? null : Codecs.LEARNER_STATE.decode(record.value());
            } else if (key.startsWith(rowPrefix)) {
              int bucket = Integer.parseInt(key.substring(rowPrefix.length()));
              if (record.value() == null) {
                rows.remove(bucket);
              } else {
                rows.put(bucket, Codecs.OPTIMIZER_ROW.decode(record.value()));
              }
            }
          } catch (InvalidRecordException | NumberFormatException e) {
            LOG.warn("skipping an unreadable learner-state record {} at offset {}: {}", key, record.offset(),
                e.getMessage());
          }
        }
      }
    }
    if (state == null) {
      return Optional.empty();
    }
    Map<Integer, float[]> rowStates = new HashMap<>();
    for (Map.Entry<Integer, OptimizerRow> row : rows.entrySet()) {
      if (row.getValue().getVersion() > state.getOptimizerResetAfter()) {
        rowStates.put(row.getKey(), unpackFloats(row.getValue().getState()));
      }
    }
    return Optional.of(new Committed(state, rowStates));
  }

  static ByteBuffer packFloats(float[] values, int from, int count) {
    ByteBuffer buffer = ByteBuffer.allocate(count * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(values, from, count);
    return buffer;
  }

  public static ByteBuffer packFloats(float[] values) {
    return packFloats(values, 0, values.length);
  }

  public static float[] unpackFloats(ByteBuffer packed) {
    float[] values = new float[packed.remaining() / Float.BYTES];
    packed.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
    return values;
  }

  public static ByteBuffer packDoubles(double[] values) {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asDoubleBuffer().put(values);
    return buffer;
  }

  public static double[] unpackDoubles(ByteBuffer packed) {
    double[] values = new double[packed.remaining() / Double.BYTES];
    packed.duplicate().order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
    return values;
  }

  public static ByteBuffer packBytes(int[] values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return ByteBuffer.wrap(bytes);
  }

  public static int[] unpackBytes(ByteBuffer packed) {
    ByteBuffer view = packed.duplicate();
    int[] values = new int[view.remaining()];
    for (int i = 0; i < values.length; i++) {
      values[i] = view.get();
    }
    return values;
  }
}
