package io.sentiflow.ops.dashboard;

import io.sentiflow.avro.Comment;
import io.sentiflow.avro.Sentiment;
import io.sentiflow.avro.SentimentScore;
import io.sentiflow.ops.dashboard.DashboardSnapshot.Latency;
import io.sentiflow.ops.dashboard.DashboardSnapshot.ScoredComment;
import io.sentiflow.ops.dashboard.DashboardSnapshot.Term;
import io.sentiflow.ops.dashboard.DashboardSnapshot.Throughput;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the scores and comments topics say: totals, class mix, throughput, latency and the latest
 * scored comments with their text. Scores are keyed by comment id and may be replayed after a
 * scorer crash, so a score whose id was seen recently is shown again but not counted twice.
 */
final class ScoreBoard {

  /** Comment ids remembered to recognise a replayed score. */
  static final int RECENT_IDS = 50_000;

  private final DashboardConfig config;
  private final int throughputSeconds;
  private final int latencySeconds;
  private final ScoreWindow window;
  private final Map<Sentiment, Long> classMix = new EnumMap<>(Sentiment.class);
  private final Map<String, Boolean> recentIds = bounded(RECENT_IDS);
  private final Map<String, String> texts;
  private final ArrayDeque<SentimentScore> latest;
  private final Series throughputSeries;
  private final Series p50Series;
  private final Series p99Series;
  private long scored;
  private long comments;

  ScoreBoard(DashboardConfig config) {
    this.config = config;
    this.throughputSeconds = seconds(config.throughputWindow().toMillis());
    this.latencySeconds = seconds(config.latencyWindow().toMillis());
    this.window = new ScoreWindow(Math.max(throughputSeconds, latencySeconds));
    this.texts = bounded(config.commentTexts());
    this.latest = new ArrayDeque<>(config.latestComments());
    this.throughputSeries = new Series(config.historyPoints());
    this.p50Series = new Series(config.historyPoints());
    this.p99Series = new Series(config.historyPoints());
    for (Sentiment s : Sentiment.values()) {
      classMix.put(s, 0L);
    }
  }

  private static int seconds(long millis) {
    return (int) Math.max(1, (millis + 999) / 1000);
  }

  private static <K, V> Map<K, V> bounded(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized void onScore(SentimentScore score, long nowMs) {
    if (latest.size() == config.latestComments()) {
      latest.removeLast();
    }
    latest.addFirst(score);
    if (recentIds.put(score.getCommentId(), Boolean.TRUE) != null) {
      return;
    }
    scored++;
    classMix.merge(score.getSentiment(), 1L, Long::sum);
    window.add(score.getScoreTime(), latencyOf(score), nowMs);
  }

  private static long latencyOf(SentimentScore score) {
    return Math.max(0, score.getScoreTime() - score.getIngestTime());
  }

  synchronized void onComment(Comment comment) {
    comments++;
    texts.put(comment.getId(), comment.getText());
  }

  /** Adds this moment's throughput and latency to their chart series. */
  synchronized void tick(long nowMs) {
    throughputSeries.add(nowMs, window.ratePerSecond(nowMs, throughputSeconds));
    double[] q = window.latencyQuantiles(nowMs, latencySeconds, 0.5, 0.99);
    if (q != null) {
      p50Series.add(nowMs, q[0]);
      p99Series.add(nowMs, q[1]);
    }
  }

  synchronized long scored() {
    return scored;
  }

  synchronized long comments() {
    return comments;
  }

  synchronized Map<String, Long> classMix() {
    Map<String, Long> mix = new LinkedHashMap<>();
    classMix.forEach((sentiment, n) -> mix.put(sentiment.name(), n));
    return mix;
  }

  synchronized Throughput throughput(long nowMs) {
    return new Throughput(window.ratePerSecond(nowMs, throughputSeconds), throughputSeries.points());
  }

  synchronized Latency latency(long nowMs) {
    double[] q = window.latencyQuantiles(nowMs, latencySeconds, 0.5, 0.99);
    return new Latency(q == null ? null : q[0], q == null ? null : q[1], p50Series.points(), p99Series.points());
  }

  synchronized List<ScoredComment> latest() {
    List<ScoredComment> out = new ArrayList<>(latest.size());
    for (SentimentScore s : latest) {
      List<Term> explanation = s.getExplanation().stream()
          .map(t -> new Term(t.getTerm(), t.getWeight()))
          .toList();
      out.add(new ScoredComment(s.getCommentId(), s.getThread(), texts.get(s.getCommentId()), s.getSentiment().name(),
          s.getConfidence(), List.copyOf(s.getProbabilities()), s.getModelVersion(), explanation, latencyOf(s),
          s.getScoreTime()));
    }
    return out;
  }
}
