package io.sentiflow.schemas.kafka;

import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.Topic;
import io.sentiflow.schemas.model.ModelFollower;
import io.sentiflow.schemas.model.ModelWeights;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a model on Kafka: reads the snapshot topic to its end and loads the newest complete
 * snapshot, then applies deltas from the updates topic in order, reading only committed records.
 * {@link #catchUp} does this once (a restarting learner); {@link #start} keeps following on a
 * daemon thread (the scorer).
 */
public final class ModelTopicsFollower implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ModelTopicsFollower.class);
  private static final TopicPartition SNAPSHOTS = new TopicPartition(Topic.MODEL_SNAPSHOTS.topicName(), 0);
  private static final TopicPartition UPDATES = new TopicPartition(Topic.MODEL_UPDATES.topicName(), 0);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final ModelFollower follower;
  private volatile boolean running;
  private Thread thread;

  public ModelTopicsFollower(Properties clientProperties, String modelId, Consumer<ModelWeights> onServedChange) {
    this.consumer = GrouplessReader.consumer(clientProperties, "model-follower");
    this.follower = new ModelFollower(modelId, onServedChange);
  }

  /**
   * Reads both topics up to their current end, loading the newest snapshot and every committed
   * delta after it. Returns the newest version held, if any.
   */
  public Optional<ModelWeights> catchUp(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    consumer.assign(List.of(SNAPSHOTS));
    consumer.seekToBeginning(List.of(SNAPSHOTS));
    GrouplessReader.readToEnd(consumer, SNAPSHOTS, deadline, this::apply);
    follower.loadSnapshot();
    consumer.assign(List.of(SNAPSHOTS, UPDATES));
    consumer.seekToBeginning(List.of(UPDATES));
    GrouplessReader.readToEnd(consumer, UPDATES, deadline, this::apply);
    follower.loadSnapshot();
    return follower.latest();
  }

  /** Catches up, then keeps applying new versions on a daemon thread until closed. */
  public void start(Duration catchUpTimeout) {
    catchUp(catchUpTimeout);
    running = true;
    thread = new Thread(this::followLoop, "model-follower");
    thread.setDaemon(true);
    thread.start();
  }

  private void followLoop() {
    try {
      while (running) {
        pollOnce(Duration.ofMillis(100));
      }
    } catch (WakeupException e) {
      if (running) {
        LOG.error("model follower woken up while running; it stops, and v{} stays served", servedVersion(), e);
      }
    } catch (RuntimeException e) {
      LOG.error("model follower stopped; v{} stays served until a restart", servedVersion(), e);
    } finally {
      consumer.close();
    }
  }

  private String servedVersion() {
    return follower.served().map(w -> String.valueOf(w.version())).orElse("(none)");
  }

  private void pollOnce(Duration timeout) {
    boolean sawSnapshot = false;
    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
      sawSnapshot |= apply(record);
    }
    if (sawSnapshot) {
      follower.loadSnapshot(); // a no-op unless the snapshot is newer than the version held
    }
  }

  /** Hands one record to the follower; returns whether it was a snapshot record. */
  private boolean apply(ConsumerRecord<byte[], byte[]> record) {
    try {
      if (record.topic().equals(SNAPSHOTS.topic())) {
        String key = new String(record.key(), StandardCharsets.UTF_8);
        follower.onSnapshotRecord(key, record.value() == null ? null : Codecs.MODEL_CHUNK.decode(record.value()));
        return true;
      }
      follower.onUpdate(Codecs.MODEL_UPDATE.decode(record.value()));
    } catch (RuntimeException e) {
      // Undecodable, or not a valid step from the version held: the follower keeps the model it
      // has, and an incomplete version waits for the next snapshot, rather than stop following.
      LOG.error("skipping model record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
          e.toString());
    }
    return false;
  }

  public Optional<ModelWeights> served() {
    return follower.served();
  }

  @Override
  public void close() {
    if (thread == null) {
      consumer.close();
      return;
    }
    running = false;
    consumer.wakeup();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
