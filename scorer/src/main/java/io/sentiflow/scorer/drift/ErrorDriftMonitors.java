package io.sentiflow.scorer.drift;

import io.sentiflow.avro.DriftKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Concept drift: the served-error stream (1 when the label disagrees with the class served for the
 * comment, else 0) watched by ADWIN and Page-Hinkley. Only a rising error fires.
 */
public final class ErrorDriftMonitors {

  private final Adwin adwin;
  private final PageHinkley pageHinkley;
  private long adwinWindowStart = Long.MIN_VALUE;
  private long pageHinkleyWindowStart = Long.MIN_VALUE;

  public ErrorDriftMonitors(DriftConfig config) {
    this.adwin = new Adwin(config.adwinDelta());
    this.pageHinkley = new PageHinkley(config.pageHinkleyMinInstances(), config.pageHinkleyDelta(),
        config.pageHinkleyLambda(), config.pageHinkleyAlpha());
  }

  /** Observes one served prediction whose label arrived at {@code time}. */
  public List<DriftSignal> observe(boolean wrong, long time) {
    double error = wrong ? 1 : 0;
    List<DriftSignal> signals = new ArrayList<>(0);
    if (adwinWindowStart == Long.MIN_VALUE) {
      adwinWindowStart = time;
    }
    if (pageHinkleyWindowStart == Long.MIN_VALUE) {
      pageHinkleyWindowStart = time;
    }
    if (adwin.update(error) && adwin.lastCutNewerMean() > adwin.lastCutOlderMean()) {
      // the newer mean error crossed the older one plus ADWIN's cut bound
      signals.add(new DriftSignal("adwin-error", DriftKind.CONCEPT, "mean-error", adwin.lastCutNewerMean(),
          adwin.lastCutOlderMean() + adwin.lastCutBound(), adwinWindowStart, time));
      adwinWindowStart = time;
    }
    if (pageHinkley.update(error)) {
      signals.add(new DriftSignal("page-hinkley-error", DriftKind.CONCEPT, "page-hinkley",
          pageHinkley.lastAlarmStatistic(), pageHinkley.lambda(), pageHinkleyWindowStart, time));
      pageHinkleyWindowStart = Long.MIN_VALUE;
    }
    return signals;
  }
}
