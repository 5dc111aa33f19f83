package io.sentiflow.learner.publish;

import io.sentiflow.avro.LearnerState;
import io.sentiflow.avro.OptimizerRow;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.InvalidRecordException;
import io.sentiflow.schemas.Topic;
import io.sentiflow.schemas.kafka.GrouplessReader;
import io.sentiflow.schemas.model.PackedArrays;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.TopicPartition;
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
    String stateKey = stateKey(modelId);
    String rowPrefix = modelId + "/row/";
    LearnerState[] state = new LearnerState[1];
    Map<Integer, OptimizerRow> rows = new HashMap<>();
    GrouplessReader.readFromStart(clientProperties, "learner-state",
        new TopicPartition(Topic.LEARNER_STATE.topicName(), 0), timeout, record -> {
          String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
          try {
            if (key.equals(stateKey)) {
              state[0] = record.value() == null ? null : Codecs.LEARNER_STATE.decode(record.value());
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
        });
    return Optional.ofNullable(state[0]).map(committed -> withRowStates(committed, rows));
  }

  /** The state with its rows' accumulators, leaving out rows written at or before its last optimizer reset. */
  private static Committed withRowStates(LearnerState state, Map<Integer, OptimizerRow> rows) {
    Map<Integer, float[]> rowStates = new HashMap<>();
    for (Map.Entry<Integer, OptimizerRow> row : rows.entrySet()) {
      if (row.getValue().getVersion() > state.getOptimizerResetAfter()) {
        rowStates.put(row.getKey(), PackedArrays.unpackFloats(row.getValue().getState()));
      }
    }
    return new Committed(state, rowStates);
  }
}
