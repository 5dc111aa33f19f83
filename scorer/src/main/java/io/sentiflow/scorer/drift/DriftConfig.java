package io.sentiflow.scorer.drift;

/**
 * Settings of the drift monitors.
 *
 * @param referenceSize comments in the reference window the PSI monitors compare against
 *     (the first ones seen, and again after each alarm)
 * @param windowSize comments per tumbling window compared with the reference
 * @param psiThreshold PSI above which a distribution has shifted (0.25: "significant" in the usual reading)
 * @param unseenShareMargin rise of the mean share of a comment's buckets the model never trained, over
 *     the reference, that signals new vocabulary (0.10)
 * @param adwinDelta ADWIN's confidence parameter (0.002, as in Bifet and Gavaldà 2007)
 * @param pageHinkleyMinInstances Page-Hinkley's warm-up before it may alarm (30)
 * @param pageHinkleyDelta magnitude of change Page-Hinkley tolerates (0.005)
 * @param pageHinkleyLambda Page-Hinkley's alarm threshold (50)
 * @param pageHinkleyAlpha Page-Hinkley's forgetting factor (1 - 0.0001)
 */
public record DriftConfig(int referenceSize, int windowSize, double psiThreshold, double unseenShareMargin,
    double adwinDelta,
    int pageHinkleyMinInstances, double pageHinkleyDelta, double pageHinkleyLambda, double pageHinkleyAlpha) {

  public DriftConfig {
    if (referenceSize < 1 || windowSize < 1) {
      throw new IllegalArgumentException("reference and window sizes must be positive");
    }
    if (!(adwinDelta > 0 && adwinDelta < 1)) {
      throw new IllegalArgumentException("ADWIN delta must be in (0, 1)");
    }
  }

  public static DriftConfig defaults() {
    return new DriftConfig(1_000, 1_000, 0.25, 0.10, 0.002, 30, 0.005, 50.0, 1 - 0.0001);
  }
}
