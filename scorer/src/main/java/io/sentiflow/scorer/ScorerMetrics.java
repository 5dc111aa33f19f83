package io.sentiflow.scorer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sentiflow.avro.SentimentScore;
import io.sentiflow.scorer.drift.DriftSignal;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** The scorer's meters; its counters also feed {@link ScorerStatus}. */
public final class ScorerMetrics {

  /** Why a record was refused, as a low-cardinality meter tag. */
  public enum RefusalKind { UNDECODABLE, SPEC_MISMATCH, INVALID, NO_MODEL }

  private final MeterRegistry registry;
  private final Counter scored;
  private final Counter duplicates;
  private final Counter labelsJoined;
  private final Timer featureToScore;
  private final Map<RefusalKind, Counter> refused = new ConcurrentHashMap<>();
  private final Map<String, AtomicReference<Double>> driftStatistics = new ConcurrentHashMap<>();

  public ScorerMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.scored = Counter.builder("sentiflow.scorer.scored").description("comments scored").register(registry);
    this.duplicates = Counter.builder("sentiflow.scorer.duplicates")
        .description("replayed comment ids dropped before scoring").register(registry);
    this.labelsJoined = Counter.builder("sentiflow.scorer.labels.joined")
        .description("labels matched with the score served for their comment").register(registry);
    // Histogram buckets rather than client-side percentiles: Prometheus can add the buckets of every
    // scorer replica up before taking a quantile, which per-instance percentiles do not allow.
    this.featureToScore = Timer.builder("sentiflow.scorer.latency")
        .description("from features computed to score computed").publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(1))
        .register(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  void scored(SentimentScore score, long featureTime) {
    scored.increment();
    featureToScore.record(Duration.ofMillis(Math.max(0, score.getScoreTime() - featureTime)));
  }

  void refused(RefusalKind kind) {
    refused.computeIfAbsent(kind, k -> Counter.builder("sentiflow.scorer.rejected")
        .description("features records sent to rejected").tag("reason", k.name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .register(registry)).increment();
  }

  void driftAlert(DriftSignal signal) {
    Counter.builder("sentiflow.scorer.drift.alerts").description("drift alerts published")
        .tag("detector", signal.detector()).register(registry).increment();
    driftStatistics.computeIfAbsent(signal.detector(), detector -> {
      AtomicReference<Double> latest = new AtomicReference<>(Double.NaN);
      Gauge.builder("sentiflow.scorer.drift.statistic", latest, AtomicReference::get)
          .description("statistic of the detector's latest alert (PSI, share, error rate...)")
          .tag("detector", detector).register(registry);
      return latest;
    }).set(signal.value());
  }

  void duplicate() {
    duplicates.increment();
  }

  void labelJoined() {
    labelsJoined.increment();
  }

  public long scoredCount() {
    return (long) scored.count();
  }

  public long refusedCount() {
    return (long) refused.values().stream().mapToDouble(Counter::count).sum();
  }

  public long duplicateCount() {
    return (long) duplicates.count();
  }
}
