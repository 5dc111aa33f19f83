package io.sentiflow.scorer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sentiflow.avro.DriftAlert;
import io.sentiflow.avro.Rejected;
import io.sentiflow.avro.SentimentScore;
import io.sentiflow.avro.ThreadSentiment;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.kafka.AvroSerde;
import io.sentiflow.schemas.model.ModelWeights;
import io.sentiflow.scorer.aggregate.ThreadSentiments;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The scorer's Kafka Streams topology:
 * <pre>
 * features ─► score (dedup + model + explanation) ─┬─► scores
 *                   │                              ├─► by thread, tumbling window ─► sentiment-by-thread
 *                   │ served predictions           ├─► prediction/data drift (per task) ─► drift-alerts
 *                   │ (key-value store)            └─► refused ─► rejected
 * labels ─► meet the served class ─► served error (one partition) ─► ADWIN, Page-Hinkley ─► drift-alerts
 * </pre>
 */
public final class ScorerTopology {

  /** Queryable window store of the per-thread aggregates. */
  public static final String THREAD_STORE = "thread-sentiment";

  static final AvroSerde<SentimentScore> SCORE_SERDE = new AvroSerde<>(Codecs.SENTIMENT_SCORE);
  static final AvroSerde<ThreadSentiment> THREAD_SERDE = new AvroSerde<>(Codecs.THREAD_SENTIMENT);
  static final AvroSerde<Rejected> REJECTED_SERDE = new AvroSerde<>(Codecs.REJECTED);
  static final AvroSerde<DriftAlert> ALERT_SERDE = new AvroSerde<>(Codecs.DRIFT_ALERT);

  private ScorerTopology() {}

  /** The topology with throwaway meters (tests). */
  public static Topology build(Supplier<ModelWeights> model, ScorerConfig config) {
    return build(model, config, new ScorerMetrics(new SimpleMeterRegistry()));
  }

  /**
   * The topology over Sentiflow's topics. {@code model} is read once per record: return the
   * version to serve now ({@code null} before the first, which dead-letters the record).
   */
  public static Topology build(Supplier<ModelWeights> model, ScorerConfig config, ScorerMetrics metrics) {
    return build(model, config, metrics, ScorerTopics.standard());
  }

  /** The same over other topics (benchmarks beside a live system). */
  public static Topology build(Supplier<ModelWeights> model, ScorerConfig config, ScorerMetrics metrics,
      ScorerTopics topics) {
    StreamsBuilder builder = new StreamsBuilder();
    // Cached: each comment's served prediction reaches RocksDB and its changelog in the commit's
    // batch rather than with a write of its own per record.
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ServedPredictions.STORE),
        Serdes.String(), ServedPredictions.VALUE_SERDE).withCachingEnabled());

    Map<String, KStream<String, ScoreOutcome>> outcomes = builder
        .stream(topics.features(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("features"))
        .processValues(() -> new ScoringProcessor(topics.features(), model, config.topK(), config.dedupRetention(), metrics),
            Named.as("score"), ServedPredictions.STORE)
        .split(Named.as("outcome-"))
        .branch((id, outcome) -> outcome instanceof ScoreOutcome.Scored, Branched.as("scored"))
        .branch((id, outcome) -> outcome instanceof ScoreOutcome.Rescored, Branched.as("rescored"))
        .defaultBranch(Branched.as("refused"));

    KStream<String, ScoreOutcome.Scored> scored = outcomes.get("outcome-scored")
        .mapValues(outcome -> (ScoreOutcome.Scored) outcome, Named.as("scored-only"));
    KStream<String, SentimentScore> scores = scored.mapValues(ScoreOutcome.Scored::score, Named.as("score-only"));
    KStream<String, SentimentScore> rescores = outcomes.get("outcome-rescored")
        .mapValues(outcome -> ((ScoreOutcome.Rescored) outcome).score(), Named.as("rescore-only"));
    scores.merge(rescores, Named.as("scores-and-rescores"))
        .processValues(PublishTimeStamp::new, Named.as("publish-time-scores"))
        .to(topics.scores(), Produced.with(Serdes.String(), SCORE_SERDE).withName("scores"));

    outcomes.get("outcome-refused")
        .map((id, outcome) -> KeyValue.pair(topics.features(), ((ScoreOutcome.Refused) outcome).rejected()),
            Named.as("dead-letter"))
        .processValues(PublishTimeStamp::new, Named.as("publish-time-rejected"))
        .to(topics.rejected(), Produced.with(Serdes.String(), REJECTED_SERDE).withName("rejected"));

    aggregateByThread(scores, config, topics);
    watchDrift(builder, scored, config, metrics, topics);
    return builder.build();
  }

  /** Per thread, tumbling event-time windows with grace for late comments, to {@code sentiment-by-thread}. */
  private static void aggregateByThread(KStream<String, SentimentScore> scores, ScorerConfig config,
      ScorerTopics topics) {
    scores
        .map((id, score) -> KeyValue.pair(score.getThread(), ThreadSentiments.of(score)), Named.as("by-thread"))
        .groupByKey(Grouped.with("by-thread", Serdes.String(), THREAD_SERDE))
        .windowedBy(TimeWindows.ofSizeAndGrace(config.window(), config.grace()))
        .aggregate(() -> ThreadSentiments.empty(""), (thread, one, total) -> ThreadSentiments.merge(total, one),
            Named.as("thread-aggregate"),
            Materialized.<String, ThreadSentiment, WindowStore<Bytes, byte[]>>as(THREAD_STORE)
                .withKeySerde(Serdes.String()).withValueSerde(THREAD_SERDE)
                .withRetention(config.aggregateRetention()))
        .toStream(Named.as("thread-windows"))
        .map((window, total) -> KeyValue.pair(
            ThreadSentiments.key(window.key(), window.window().start()),
            ThreadSentiments.inWindow(total, window.key(), window.window().start(), window.window().end())),
            Named.as("stamp-window"))
        .processValues(PublishTimeStamp::new, Named.as("publish-time-threads"))
        .to(topics.sentimentByThread(),
            Produced.with(Serdes.String(), THREAD_SERDE).withName("sentiment-by-thread"));
  }

  private static void watchDrift(StreamsBuilder builder, KStream<String, ScoreOutcome.Scored> scored,
      ScorerConfig config, ScorerMetrics metrics, ScorerTopics topics) {
    scored.process(() -> new DriftAlertProcessors.OverScores(config.drift(), metrics), Named.as("data-drift"))
        .processValues(PublishTimeStamp::new, Named.as("publish-time-data-alerts"))
        .to(topics.driftAlerts(), Produced.with(Serdes.String(), ALERT_SERDE).withName("data-alerts"));
    builder.stream(topics.labels(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("labels"))
        .process(() -> new LabelJoinProcessor(config.modelId(), metrics), Named.as("meet-label"),
            ServedPredictions.STORE)
        .repartition(Repartitioned.with(Serdes.String(), ServedError.SERDE).withName("served-errors")
            .withNumberOfPartitions(1))
        .process(() -> new DriftAlertProcessors.OverErrors(config.drift(), metrics), Named.as("concept-drift"))
        .processValues(PublishTimeStamp::new, Named.as("publish-time-concept-alerts"))
        .to(topics.driftAlerts(), Produced.with(Serdes.String(), ALERT_SERDE).withName("concept-alerts"));
  }

  /** Streams settings over Sentiflow's topics. */
  public static Properties streamsProperties(Properties kafka, ScorerConfig config) {
    return streamsProperties(kafka, config, ScorerTopics.standard());
  }

  /**
   * Streams settings for a delivery mode on top of the caller's Kafka client settings; client
   * tunables the caller set (plain or with a Streams client prefix) win over these defaults.
   */
  public static Properties streamsProperties(Properties kafka, ScorerConfig config, ScorerTopics topics) {
    Properties props = new Properties();
    props.putAll(kafka);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.deliveryMode().processingGuarantee());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, String.valueOf(config.commitInterval().toMillis()));
    props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, String.valueOf(config.streamThreads()));
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetteringProcessingExceptionHandler.class);
    props.put(DeadLetteringProcessingExceptionHandler.REJECTED_TOPIC_CONFIG, topics.rejected());
    // Features and labels share a task (through the served-predictions store) but need no timestamp
    // order between them: never hold features back waiting to learn whether labels are pending.
    props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, "-1");
    defaultFor(props, StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    // Streams members do not leave the group on close: a failed stream thread's partitions move to its
    // replacement only once its session expires, so keep that short.
    defaultFor(props, StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), "10000");
    defaultFor(props, StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), "3000");
    defaultFor(props, StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), "5");
    return props;
  }

  /** Sets a prefixed client setting unless the caller gave it, prefixed or plain. */
  private static void defaultFor(Properties props, String prefixedKey, String value) {
    String plainKey = prefixedKey.substring(prefixedKey.indexOf('.') + 1);
    if (!props.containsKey(prefixedKey) && !props.containsKey(plainKey)) {
      props.put(prefixedKey, value);
    }
  }
}
