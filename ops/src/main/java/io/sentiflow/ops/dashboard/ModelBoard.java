package io.sentiflow.ops.dashboard;

import io.sentiflow.avro.PrequentialMetrics;
import io.sentiflow.ops.dashboard.DashboardSnapshot.ModelView;
import io.sentiflow.schemas.model.ModelWeights;
import java.util.List;
import java.util.Optional;

/**
 * The model being served and how its version and prequential accuracy moved. A version arrives
 * every publish interval (a few per second), so the series are sampled once per tick instead.
 */
final class ModelBoard {

  private volatile ModelWeights served;
  private final Series versionSeries;
  private final Series accuracySeries;

  ModelBoard(DashboardConfig config) {
    this.versionSeries = new Series(config.historyPoints());
    this.accuracySeries = new Series(config.historyPoints());
  }

  /** Called by the model follower's thread for every version it serves. */
  void onServed(ModelWeights model) {
    served = model;
  }

  Optional<ModelWeights> served() {
    return Optional.ofNullable(served);
  }

  synchronized void tick(long nowMs) {
    ModelWeights model = served;
    if (model == null) {
      return;
    }
    versionSeries.add(nowMs, model.version());
    if (model.metrics() != null) {
      accuracySeries.add(nowMs, model.metrics().getAccuracy());
    }
  }

  synchronized ModelView view() {
    ModelWeights model = served;
    if (model == null) {
      return new ModelView(null, null, null, null, null, null, List.of(), List.of());
    }
    PrequentialMetrics m = model.metrics();
    return new ModelView(model.version(), model.specHash(), m == null ? null : m.getExamplesSeen(),
        m == null ? null : m.getAccuracy(), m == null ? null : m.getMacroF1(), m == null ? null : m.getLogLoss(),
        versionSeries.points(), accuracySeries.points());
  }
}
