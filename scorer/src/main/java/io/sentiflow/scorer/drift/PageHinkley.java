package io.sentiflow.scorer.drift;

/**
 * The Page-Hinkley test (Page, Biometrika 1954) for an increase in the mean of a stream, in the
 * form used by MOA and scikit-multiflow: the cumulative deviation from the running mean, less the
 * tolerated change {@code delta} and faded by {@code alpha}, alarms when it exceeds
 * {@code lambda}. Defaults: 30 warm-up values, delta 0.005, lambda 50, alpha 1 - 0.0001. After an
 * alarm it starts afresh.
 */
public final class PageHinkley {

  private final int minInstances;
  private final double delta;
  private final double lambda;
  private final double alpha;
  private long count;
  private double mean;
  private double sum;
  private double lastAlarmStatistic;

  public PageHinkley(int minInstances, double delta, double lambda, double alpha) {
    this.minInstances = minInstances;
    this.delta = delta;
    this.lambda = lambda;
    this.alpha = alpha;
  }

  /** Adds a value; returns true when the mean has risen. */
  public boolean update(double value) {
    count++;
    mean += (value - mean) / count;
    sum = alpha * sum + (value - mean - delta);
    if (count >= minInstances && sum > lambda) {
      lastAlarmStatistic = sum;
      reset();
      return true;
    }
    return false;
  }

  /** The test statistic: faded cumulative deviation above the running mean. */
  public double statistic() {
    return sum;
  }

  /** The statistic when the last alarm was raised. */
  public double lastAlarmStatistic() {
    return lastAlarmStatistic;
  }

  public double lambda() {
    return lambda;
  }

  private void reset() {
    count = 0;
    mean = 0;
    sum = 0;
  }
}
