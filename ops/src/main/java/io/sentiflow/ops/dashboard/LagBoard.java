package io.sentiflow.ops.dashboard;

import io.sentiflow.ops.dashboard.DashboardConfig.LagTarget;
import io.sentiflow.ops.dashboard.DashboardSnapshot.Lag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Consumer lag of the pipeline's groups, as last read by {@link LagProbe}, and its history. */
final class LagBoard {

  private final Map<LagTarget, Long> latest = new HashMap<>();
  private final Map<LagTarget, Series> series = new LinkedHashMap<>();

  LagBoard(DashboardConfig config) {
    for (LagTarget target : config.lagTargets()) {
      series.put(target, new Series(config.historyPoints()));
    }
  }

  /** The newest reading; a {@code null} lag means the group has no committed offsets (or was unreachable). */
  synchronized void onReading(Map<LagTarget, Long> lagByTarget) {
    latest.clear();
    latest.putAll(lagByTarget);
  }

  synchronized void tick(long nowMs) {
    series.forEach((target, points) -> {
      Long lag = latest.get(target);
      if (lag != null) {
        points.add(nowMs, lag);
      }
    });
  }

  synchronized List<Lag> view() {
    List<Lag> out = new ArrayList<>(series.size());
    series.forEach((target, points) ->
        out.add(new Lag(target.group(), target.topic(), latest.get(target), points.points())));
    return out;
  }
}
