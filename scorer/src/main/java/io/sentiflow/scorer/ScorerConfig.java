package io.sentiflow.scorer;

import io.sentiflow.schemas.text.FeaturizerSpec;
import io.sentiflow.scorer.drift.DriftConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the scorer can be told, with the defaults {@link #defaults()} documents.
 *
 * @param applicationId Kafka Streams application id: consumer group, state and internal topic prefix
 *     ({@code sentiflow-scorer}); instances sharing it share the partitions of {@code features}
 * @param modelId the model followed on the model topics ({@code sentiment})
 * @param deliveryMode {@link DeliveryMode#LOW_LATENCY} (default) or {@link DeliveryMode#EXACTLY_ONCE}
 * @param window tumbling window of the per-thread aggregates (1 min)
 * @param grace how late, in event time, a comment may still join its window (30 s)
 * @param aggregateRetention how long past windows stay queryable (1 h)
 * @param topK terms in each score's explanation (5)
 * @param stateDir Kafka Streams state directory (a fresh temporary directory per JVM)
 * @param featurizerSpec the spec features and models are expected to carry ({@code FeaturizerSpec.defaults()});
 *     the try-it box featurizes text with it
 * @param commitInterval Streams commit interval, set with the delivery mode: it bounds the latency of
 *     exactly-once output (100 ms there), while in low-latency mode each commit only flushes state and
 *     offsets (1 s there)
 * @param dedupRetention how long, in event time, a comment id is remembered to drop replays (24 h)
 * @param firstModelTimeout how long {@code start()} waits for a first servable model (2 min)
 * @param streamThreads Kafka Streams threads of this instance (1)
 * @param drift drift monitor settings ({@link DriftConfig#defaults()})
 */
public record ScorerConfig(String applicationId, String modelId, DeliveryMode deliveryMode, Duration window,
    Duration grace, Duration aggregateRetention, int topK, Path stateDir, FeaturizerSpec featurizerSpec,
    Duration commitInterval, Duration dedupRetention, Duration firstModelTimeout, int streamThreads,
    DriftConfig drift) {

  public ScorerConfig {
    Objects.requireNonNull(applicationId, "applicationId");
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(deliveryMode, "deliveryMode");
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(featurizerSpec, "featurizerSpec");
    Objects.requireNonNull(drift, "drift");
    if (window.isNegative() || window.isZero() || grace.isNegative()) {
      throw new IllegalArgumentException("window must be positive and grace not negative");
    }
    if (aggregateRetention.compareTo(window.plus(grace)) < 0) {
      throw new IllegalArgumentException("aggregateRetention must cover window + grace");
    }
    if (topK < 0 || streamThreads < 1) {
      throw new IllegalArgumentException("topK must be >= 0 and streamThreads >= 1");
    }
  }

  public static ScorerConfig defaults() {
    return new ScorerConfig("sentiflow-scorer", "sentiment", DeliveryMode.LOW_LATENCY, Duration.ofMinutes(1),
        Duration.ofSeconds(30), Duration.ofHours(1), 5,
        Path.of(System.getProperty("java.io.tmpdir"), "sentiflow-scorer-" + ProcessHandle.current().pid()),
        FeaturizerSpec.defaults(), DeliveryMode.LOW_LATENCY.commitInterval(), Duration.ofHours(24), Duration.ofMinutes(2), 1,
        DriftConfig.defaults());
  }

  /**
   * The defaults for a replay of history: one that compresses days of event time into seconds lets
   * the scorer's partitions drift hours apart in event time, and would open, fill and drop a window
   * store segment per half hour of it. A day of grace keeps late comments in their per-thread
   * windows, and two days of retention make the segments a day long.
   */
  public static ScorerConfig forReplays() {
    return defaults().withWindow(Duration.ofMinutes(1), Duration.ofDays(1)).withAggregateRetention(Duration.ofDays(2));
  }

  /** Hash of {@link #featurizerSpec()}: what features and models must carry to be scored together. */
  public long expectedSpecHash() {
    return featurizerSpec.hash();
  }

  public ScorerConfig withApplicationId(String value) {
    return new ScorerConfig(value, modelId, deliveryMode, window, grace, aggregateRetention, topK, stateDir,
        featurizerSpec, commitInterval, dedupRetention, firstModelTimeout, streamThreads, drift);
  }

  public ScorerConfig withModelId(String value) {
    return new ScorerConfig(applicationId, value, deliveryMode, window, grace, aggregateRetention, topK, stateDir,
        featurizerSpec, commitInterval, dedupRetention, firstModelTimeout, streamThreads, drift);
  }

  /** The delivery mode, with its commit interval (override it after this call). */
  public ScorerConfig withDeliveryMode(DeliveryMode value) {
    return new ScorerConfig(applicationId, modelId, value, window, grace, aggregateRetention, topK, stateDir,
        featurizerSpec, value.commitInterval(), dedupRetention, firstModelTimeout, streamThreads, drift);
  }

  public ScorerConfig withWindow(Duration size, Duration lateness) {
    Duration retention = aggregateRetention.compareTo(size.plus(lateness)) < 0 ? size.plus(lateness)
        : aggregateRetention;
    return new ScorerConfig(applicationId, modelId, deliveryMode, size, lateness, retention, topK, stateDir,
        featurizerSpec, commitInterval, dedupRetention, firstModelTimeout, streamThreads, drift);
  }

  public ScorerConfig withAggregateRetention(Duration value) {
    return new ScorerConfig(applicationId, modelId, deliveryMode, window, grace, value, topK, stateDir,
        featurizerSpec, commitInterval, dedupRetention, firstModelTimeout, streamThreads, drift);
  }

  public ScorerConfig withTopK(int value) {
    return new ScorerConfig(applicationId, modelId, deliveryMode, window, grace, aggregateRetention, value, stateDir,
        featurizerSpec, commitInterval, dedupRetention, firstModelTimeout, streamThreads, drift);
  }

  public ScorerConfig withStateDir(Path value) {
    return new ScorerConfig(applicationId, modelId, deliveryMode, window, grace, aggregateRetention, topK, value,
        featurizerSpec, commitInterval, dedupRetention, firstModelTimeout, streamThreads, drift);
  }

  public ScorerConfig withFeaturizerSpec(FeaturizerSpec value) {
    return new ScorerConfig(applicationId, modelId, deliveryMode, window, grace, aggregateRetention, topK, stateDir,
        value, commitInterval, dedupRetention, firstModelTimeout, streamThreads, drift);
  }

  public ScorerConfig withCommitInterval(Duration value) {
    return new ScorerConfig(applicationId, modelId, deliveryMode, window, grace, aggregateRetention, topK, stateDir,
        featurizerSpec, value, dedupRetention, firstModelTimeout, streamThreads, drift);
  }

  public ScorerConfig withDedupRetention(Duration value) {
    return new ScorerConfig(applicationId, modelId, deliveryMode, window, grace, aggregateRetention, topK, stateDir,
        featurizerSpec, commitInterval, value, firstModelTimeout, streamThreads, drift);
  }

  public ScorerConfig withFirstModelTimeout(Duration value) {
    return new ScorerConfig(applicationId, modelId, deliveryMode, window, grace, aggregateRetention, topK, stateDir,
        featurizerSpec, commitInterval, dedupRetention, value, streamThreads, drift);
  }

  public ScorerConfig withStreamThreads(int value) {
    return new ScorerConfig(applicationId, modelId, deliveryMode, window, grace, aggregateRetention, topK, stateDir,
        featurizerSpec, commitInterval, dedupRetention, firstModelTimeout, value, drift);
  }

  public ScorerConfig withDrift(DriftConfig value) {
    return new ScorerConfig(applicationId, modelId, deliveryMode, window, grace, aggregateRetention, topK, stateDir,
        featurizerSpec, commitInterval, dedupRetention, firstModelTimeout, streamThreads, value);
  }
}
