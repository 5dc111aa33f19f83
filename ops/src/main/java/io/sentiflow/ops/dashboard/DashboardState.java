package io.sentiflow.ops.dashboard;

import io.sentiflow.avro.DriftAlert;
import io.sentiflow.ops.dashboard.DashboardSnapshot.Drift;
import io.sentiflow.ops.dashboard.DashboardSnapshot.Totals;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything the dashboard knows, fed by the topic reader, the model follower and the lag probe
 * on their own threads, and read as one {@link DashboardSnapshot}. {@link #tick} adds a point to
 * every time series; the server calls it once per push.
 */
final class DashboardState {

  private final DashboardConfig config;
  final ScoreBoard scores;
  final ThreadBoard threads;
  final ModelBoard model;
  final LagBoard lag;
  private final ArrayDeque<DriftAlert> drift;
  private final AtomicLong undecodable = new AtomicLong();

  DashboardState(DashboardConfig config) {
    this.config = config;
    this.scores = new ScoreBoard(config);
    this.threads = new ThreadBoard(config);
    this.model = new ModelBoard(config);
    this.lag = new LagBoard(config);
    this.drift = new ArrayDeque<>(config.driftAlerts());
  }

  void onDriftAlert(DriftAlert alert) {
    synchronized (drift) {
      if (drift.size() == config.driftAlerts()) {
        drift.removeFirst();
      }
      drift.addLast(alert);
    }
  }

  void onUndecodable() {
    undecodable.incrementAndGet();
  }

  long undecodable() {
    return undecodable.get();
  }

  void tick(long nowMs) {
    scores.tick(nowMs);
    model.tick(nowMs);
    lag.tick(nowMs);
  }

  DashboardSnapshot snapshot(long nowMs) {
    return new DashboardSnapshot(nowMs, config.modelId(),
        new Totals(scores.scored(), scores.comments(), undecodable.get()), scores.classMix(),
        scores.throughput(nowMs), scores.latency(nowMs), lag.view(), model.view(), threads.busiest(),
        driftView(), scores.latest());
  }

  private List<Drift> driftView() {
    synchronized (drift) {
      return drift.stream()
          .map(a -> new Drift(a.getDetector(), a.getKind().name(), a.getStatistic(), a.getValue(), a.getThreshold(),
              a.getWindowStart(), a.getWindowEnd(), a.getModelVersion(), a.getAlertTime()))
          .toList();
    }
  }
}
