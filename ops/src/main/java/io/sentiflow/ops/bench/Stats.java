package io.sentiflow.ops.bench;

import java.util.Arrays;

/** Summary statistics over repeated runs. */
final class Stats {

  private Stats() {}

  /** Median of the values (mean of the middle two for an even count). */
  static double median(double... values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("median of no values");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /** {@code numerator / denominator}, or NaN when the denominator is zero (no comparison possible). */
  static double ratio(double numerator, double denominator) {
    return denominator == 0 ? Double.NaN : numerator / denominator;
  }
}
