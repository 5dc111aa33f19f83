package io.sentiflow.ops.dashboard;

import java.util.List;
import java.util.Map;

/**
 * Everything the page shows, as pushed over SSE and returned by {@code GET /api/snapshot}. Chart
 * series are lists of {@code {x, y}} points (x in epoch millis), the shape Chart.js plots directly.
 * Figures that do not exist yet (no scores, no model, no committed offsets) are {@code null}.
 */
public record DashboardSnapshot(long time, String modelId, Totals totals, Map<String, Long> classMix,
    Throughput throughput, Latency latency, List<Lag> lag, ModelView model, List<ThreadSeries> threads,
    List<Drift> drift, List<ScoredComment> latest) {

  public record Point(long x, double y) {}

  /** Records read since the dashboard started; duplicates of a recently seen comment id count once. */
  public record Totals(long scored, long comments, long undecodable) {}

  public record Throughput(double perSecond, List<Point> series) {}

  /** End-to-end latency, score time minus ingest time, over the latency window. */
  public record Latency(Double p50Ms, Double p99Ms, List<Point> p50Series, List<Point> p99Series) {}

  public record Lag(String group, String topic, Long lag, List<Point> series) {}

  public record ModelView(Long version, Long specHash, Long examplesSeen, Double accuracy, Double macroF1,
      Double logLoss, List<Point> versionSeries, List<Point> accuracySeries) {}

  /** Mean of P(positive) - P(negative) per window of one thread; x is the window start. */
  public record ThreadSeries(String thread, long comments, List<ThreadPoint> points) {}

  public record ThreadPoint(long x, double y, long count) {}

  public record Drift(String detector, String kind, String statistic, double value, double threshold,
      long windowStart, long windowEnd, long modelVersion, long alertTime) {}

  public record ScoredComment(String commentId, String thread, String text, String sentiment, float confidence,
      List<Float> probabilities, long modelVersion, List<Term> explanation, long latencyMs, long scoreTime) {}

  public record Term(String term, float weight) {}
}
