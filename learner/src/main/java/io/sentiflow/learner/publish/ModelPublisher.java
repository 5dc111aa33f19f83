package io.sentiflow.learner.publish;

import io.sentiflow.avro.LearnerState;
import io.sentiflow.avro.ModelChunk;
import io.sentiflow.avro.ModelUpdate;
import io.sentiflow.avro.OptimizerRow;
import io.sentiflow.avro.Rejected;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.Topic;
import io.sentiflow.schemas.model.ModelCodec;
import io.sentiflow.schemas.model.ModelDelta;
import io.sentiflow.schemas.model.PackedArrays;
import io.sentiflow.schemas.model.ModelWeights;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learner's only writer: model deltas, snapshots, dead letters and consumed offsets, all in
 * Kafka transactions, so what a follower sees and what the learner has consumed never diverge.
 * A transaction opens with the first record sent and ends at {@link #commit}.
 */
public final class ModelPublisher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ModelPublisher.class);

  private final Supplier<Producer<byte[], byte[]>> producers;
  private Producer<byte[], byte[]> producer;
  private final String modelId;
  private final byte[] modelKey;
  private Set<String> liveChunkKeys = new HashSet<>();
  private Set<String> pendingChunkKeys;
  private boolean inTransaction;

  public ModelPublisher(Properties clientProperties, String transactionalId, String modelId) {
    this(transactionalProducers(clientProperties, transactionalId), modelId);
  }

  private static Supplier<Producer<byte[], byte[]>> transactionalProducers(Properties clientProperties,
      String transactionalId) {
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(Topic.MAX_MESSAGE_BYTES));
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    return () -> new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** @param producers makes a transactional producer; called again when one has to be replaced */
  ModelPublisher(Supplier<Producer<byte[], byte[]>> producers, String modelId) {
    this.producers = producers;
    this.producer = producers.get();
    this.modelId = modelId;
    this.modelKey = modelId.getBytes(StandardCharsets.UTF_8);
  }

  /** Registers the transactional id, fencing any earlier learner and aborting its open transaction. */
  public void initTransactions() {
    producer.initTransactions();
  }

  /** The data-chunk keys the next snapshot must tombstone (see {@link SnapshotKeys}). */
  public void liveChunkKeys(Set<String> keys) {
    liveChunkKeys = new HashSet<>(keys);
  }

  public void reject(Rejected rejected) {
    send(Topic.REJECTED.topicName(), rejected.getSource().getBytes(StandardCharsets.UTF_8),
        Codecs.REJECTED.encode(rejected));
  }

  /** The delta's parts, in order, keyed by model id on the single-partition updates topic. */
  public void delta(ModelDelta delta) {
    for (ModelUpdate update : ModelCodec.toUpdates(delta, ModelCodec.DEFAULT_MAX_PAYLOAD_BYTES)) {
      send(Topic.MODEL_UPDATES.topicName(), modelKey, Codecs.MODEL_UPDATE.encode(update));
    }
  }

  /** A full snapshot: data chunks, the manifest, then tombstones for the previous snapshot's chunks. */
  public void snapshot(ModelWeights weights) {
    Set<String> keys = new HashSet<>();
    for (ModelChunk chunk : ModelCodec.toSnapshot(weights, ModelCodec.DEFAULT_MAX_PAYLOAD_BYTES)) {
      String key = ModelCodec.snapshotKey(chunk);
      send(Topic.MODEL_SNAPSHOTS.topicName(), key.getBytes(StandardCharsets.UTF_8), Codecs.MODEL_CHUNK.encode(chunk));
      if (!chunk.getManifest()) {
        keys.add(key);
      }
    }
    for (String stale : liveChunkKeys) {
      if (!keys.contains(stale)) {
        send(Topic.MODEL_SNAPSHOTS.topicName(), stale.getBytes(StandardCharsets.UTF_8), null);
      }
    }
    pendingChunkKeys = keys;
  }

  /**
   * The learner's own state for the version being committed: the accumulators of the rows it
   * changed ({@code dim} values per bucket, side by side), then the state record.
   */
  public void learnerState(LearnerState state, int[] buckets, float[] rowStates, int dim) {
    String topic = Topic.LEARNER_STATE.topicName();
    for (int i = 0; i < buckets.length; i++) {
      OptimizerRow row = new OptimizerRow(state.getVersion(), PackedArrays.packFloats(rowStates, i * dim, dim));
      send(topic, LearnerStateTopic.rowKey(modelId, buckets[i]).getBytes(StandardCharsets.UTF_8),
          Codecs.OPTIMIZER_ROW.encode(row));
    }
    send(topic, LearnerStateTopic.stateKey(modelId).getBytes(StandardCharsets.UTF_8),
        Codecs.LEARNER_STATE.encode(state));
  }

  private void send(String topic, byte[] key, byte[] value) {
    begin();
    producer.send(new ProducerRecord<>(topic, key, value));
  }

  private void begin() {
    if (!inTransaction) {
      producer.beginTransaction();
      inTransaction = true;
    }
  }

  /** Commits everything sent since the last commit together with the consumed offsets. */
  public void commit(Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata group) {
    if (!offsets.isEmpty()) {
      begin();
      producer.sendOffsetsToTransaction(offsets, group);
    }
    if (!inTransaction) {
      return;
    }
    producer.commitTransaction();
    inTransaction = false;
    if (pendingChunkKeys != null) {
      liveChunkKeys = pendingChunkKeys;
      pendingChunkKeys = null;
    }
  }

  /**
   * Drops everything sent since the last commit. A producer that cannot abort (after a commit timed
   * out Kafka only allows retrying the commit) is closed and replaced: the new one's
   * {@code initTransactions} fences the old epoch and aborts its transaction on the broker. Being
   * fenced by another learner is not retried here: that learner owns the model now.
   */
  public void abort() {
    pendingChunkKeys = null;
    if (!inTransaction) {
      return;
    }
    try {
      producer.abortTransaction();
    } catch (ProducerFencedException | InvalidProducerEpochException | AuthorizationException e) {
      throw e;
    } catch (KafkaException | IllegalStateException e) {
      LOG.warn("cannot abort the open transaction ({}); replacing the producer", e.toString());
      producer.close(Duration.ZERO);
      producer = producers.get();
      producer.initTransactions();
    }
    inTransaction = false;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
