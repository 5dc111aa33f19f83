package io.sentiflow.scorer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.sentiflow.avro.SentimentScore;
import io.sentiflow.avro.ThreadSentiment;
import io.sentiflow.schemas.kafka.ModelTopicsFollower;
import io.sentiflow.schemas.model.ModelWeights;
import io.sentiflow.scorer.aggregate.ThreadSentimentQueries;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scorer service: follows the model topics, waits for a first servable model, then runs the
 * scoring topology. Queries read this instance's state only: with several instances each holds the
 * threads of its own partitions, so a thread another instance holds reads as empty here.
 */
public final class ScorerService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ScorerService.class);
  private static final Duration WAIT_LOG_EVERY = Duration.ofSeconds(5);

  private final Properties kafka;
  private final ScorerConfig config;
  private final ScorerMetrics metrics;
  private final ModelTopicsFollower follower;
  private final TextScorer textScorer;
  /** Written under the lock in start(); read without it by query and status threads. */
  private volatile KafkaStreams streams;
  private KafkaStreamsMetrics streamsMetrics;

  public ScorerService(Properties kafka, ScorerConfig config, MeterRegistry registry) {
    this.kafka = kafka;
    this.config = config;
    this.metrics = new ScorerMetrics(registry);
    this.follower = new ModelTopicsFollower(kafka, config.modelId(), this::onServedChange);
    this.textScorer = new TextScorer(config.featurizerSpec(), config.topK());
    Gauge.builder("sentiflow.scorer.model.version", this, s -> s.status().modelVersion())
        .description("version of the served model").register(registry);
    Gauge.builder("sentiflow.scorer.model.age", this, s -> s.status().modelAgeMs() / 1000.0)
        .baseUnit("seconds").description("age of the served model").register(registry);
  }

  private void onServedChange(ModelWeights model) {
    LOG.debug("now serving {}", model);
    if (model.specHash() != config.expectedSpecHash()) {
      LOG.warn("{} v{} carries featurizer spec {}; this scorer expects {}: features of the expected spec will be"
          + " rejected until the specs agree", model.modelId(), model.version(), Long.toHexString(model.specHash()),
          Long.toHexString(config.expectedSpecHash()));
    }
  }

  /**
   * Catches up with the model topics, waits up to {@code firstModelTimeout} for a servable model
   * (logging while it waits), then starts scoring. Throws if no model arrives in time.
   */
  public synchronized void start() {
    if (streams != null) {
      throw new IllegalStateException("already started");
    }
    follower.start(config.firstModelTimeout());
    ModelWeights first = awaitFirstModel();
    LOG.info("scoring with {} ({} delivery, application id {})", first, config.deliveryMode().flag(),
        config.applicationId());
    streams = new KafkaStreams(ScorerTopology.build(this::servedModel, config, metrics),
        ScorerTopology.streamsProperties(kafka, config));
    streams.setUncaughtExceptionHandler(e -> {
      LOG.error("stream thread failed; replacing it", e);
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(metrics.registry());
    streams.start();
  }

  private ModelWeights awaitFirstModel() {
    long deadline = System.nanoTime() + config.firstModelTimeout().toNanos();
    long nextLog = System.nanoTime();
    while (follower.served().isEmpty()) {
      long now = System.nanoTime();
      if (now > deadline) {
        follower.close();
        throw new IllegalStateException("no servable model '" + config.modelId() + "' appeared on the model topics"
            + " within " + config.firstModelTimeout());
      }
      if (now >= nextLog) {
        LOG.info("waiting for a first servable model '{}' ({} s left)", config.modelId(),
            Duration.ofNanos(deadline - now).toSeconds());
        nextLog = now + WAIT_LOG_EVERY.toNanos();
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for a first model", e);
      }
    }
    return follower.served().get();
  }

  private ModelWeights servedModel() {
    return follower.served().orElse(null);
  }

  /** The model version served now, if any. */
  public Optional<ModelWeights> model() {
    return follower.served();
  }

  public ScorerStatus status() {
    Optional<ModelWeights> model = follower.served();
    return new ScorerStatus(metrics.scoredCount(), metrics.refusedCount(),
        model.map(ModelWeights::version).orElse(-1L),
        model.map(m -> Math.max(0, System.currentTimeMillis() - m.createdTime())).orElse(-1L));
  }

  /** Scores free text with the served model (the dashboard's try-it box); nothing is published. */
  public SentimentScore scoreText(String text) {
    return textScorer.score(text, servedModel());
  }

  /** State of the Streams app, {@code CREATED} before {@link #start()}. */
  public KafkaStreams.State state() {
    return streams == null ? KafkaStreams.State.CREATED : streams.state();
  }

  /** The thread's windows starting in [from, to], oldest first; empty while the store is not queryable. */
  public List<ThreadSentiment> threadWindows(String thread, Instant from, Instant to) {
    return queries().map(q -> q.windows(thread, from, to)).orElse(List.of());
  }

  /** The thread's newest {@code limit} windows, newest first. */
  public List<ThreadSentiment> recentWindows(String thread, int limit) {
    return queries().map(q -> q.recentWindows(thread, limit)).orElse(List.of());
  }

  /** The thread's current (newest) window. */
  public Optional<ThreadSentiment> currentWindow(String thread) {
    return queries().flatMap(q -> q.currentWindow(thread));
  }

  /** Threads with the lowest mean sentiment now (current or previous window), most negative first. */
  public List<ThreadSentiment> mostNegativeThreads(int limit, long minComments) {
    return queries().map(q -> q.mostNegativeThreads(limit, minComments)).orElse(List.of());
  }

  private Optional<ThreadSentimentQueries> queries() {
    KafkaStreams running = streams;
    if (running == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ThreadSentimentQueries(running.store(StoreQueryParameters.fromNameAndType(
          ScorerTopology.THREAD_STORE, QueryableStoreTypes.<String, ThreadSentiment>windowStore())), config.window()));
    } catch (InvalidStateStoreException e) {
      LOG.debug("thread aggregates not queryable now: {}", e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public synchronized void close() {
    if (streams != null) {
      streams.close(Duration.ofSeconds(30));
      streamsMetrics.close();
    }
    follower.close();
  }
}
