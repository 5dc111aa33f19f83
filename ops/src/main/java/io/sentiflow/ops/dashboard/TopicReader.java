package io.sentiflow.ops.dashboard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.InvalidRecordException;
import io.sentiflow.schemas.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the scores, comments, per-thread and drift topics into the {@link DashboardState} on one
 * daemon thread. The dashboard only watches: it uses a group of its own, commits nothing, and
 * skips (and counts) a record it cannot decode rather than dead-lettering it, because the stage
 * that wrote the topic owns its dead letters and every open dashboard would otherwise repeat them.
 */
final class TopicReader implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TopicReader.class);
  private static final List<Topic> TOPICS =
      List.of(Topic.SCORES, Topic.COMMENTS, Topic.SENTIMENT_BY_THREAD, Topic.DRIFT_ALERTS);
  private static final Map<String, Topic> BY_NAME =
      TOPICS.stream().collect(Collectors.toMap(Topic::topicName, Function.identity()));

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final DashboardState state;
  private final Map<String, Counter> read;
  private final Map<String, Counter> undecodable;
  private final Thread thread;
  private volatile boolean running = true;
  private boolean started;

  TopicReader(Properties kafka, DashboardConfig config, DashboardState state, MeterRegistry registry) {
    Properties props = new Properties();
    props.putAll(kafka);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "sentiflow-dashboard-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, config.fromEarliest() ? "earliest" : "latest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.state = state;
    this.read = countersByTopic(registry, "sentiflow.dashboard.records.read");
    this.undecodable = countersByTopic(registry, "sentiflow.dashboard.records.undecodable");
    this.thread = new Thread(this::run, "dashboard-topic-reader");
    this.thread.setDaemon(true);
  }

  private static Map<String, Counter> countersByTopic(MeterRegistry registry, String name) {
    return TOPICS.stream().map(Topic::topicName).collect(Collectors.toMap(Function.identity(),
        topic -> Counter.builder(name).tag("topic", topic).register(registry)));
  }

  void start() {
    started = true;
    thread.start();
  }

  boolean alive() {
    return thread.isAlive();
  }

  private void run() {
    try {
      consumer.subscribe(TOPICS.stream().map(Topic::topicName).toList());
      while (running) {
        try {
          for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            apply(record);
          }
        } catch (WakeupException e) {
          throw e;
        } catch (KafkaException e) {
          // A broker outage or a rebalance failure must not end the dashboard; the client reconnects.
          LOG.warn("reading topics failed, retrying: {}", e.toString());
          pause();
        }
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  private void apply(ConsumerRecord<byte[], byte[]> record) {
    read.get(record.topic()).increment();
    if (record.value() == null) {
      return;
    }
    long now = System.currentTimeMillis();
    try {
      switch (BY_NAME.get(record.topic())) {
        case SCORES -> state.scores.onScore(Codecs.SENTIMENT_SCORE.decode(record.value()), now);
        case COMMENTS -> state.scores.onComment(Codecs.COMMENT.decode(record.value()));
        case SENTIMENT_BY_THREAD -> state.threads.onWindow(Codecs.THREAD_SENTIMENT.decode(record.value()));
        case DRIFT_ALERTS -> state.onDriftAlert(Codecs.DRIFT_ALERT.decode(record.value()));
        default -> throw new IllegalStateException("not subscribed to " + record.topic());
      }
    } catch (InvalidRecordException e) {
      state.onUndecodable();
      undecodable.get(record.topic()).increment();
      LOG.warn("skipping undecodable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
          e.getMessage());
    }
  }

  private void pause() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    if (!started) {
      consumer.close();
      return;
    }
    consumer.wakeup();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
