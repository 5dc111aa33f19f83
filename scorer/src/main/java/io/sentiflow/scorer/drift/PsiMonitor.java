package io.sentiflow.scorer.drift;

import io.sentiflow.avro.DriftKind;
import java.util.Arrays;
import java.util.Optional;

/**
 * Population stability index of a binned value: the first {@code referenceSize} observations
 * form the reference histogram, then each tumbling window of {@code windowSize} is compared with
 * it. A window whose PSI exceeds the threshold fires, and becomes the new reference, so one shift
 * fires once.
 */
public final class PsiMonitor {

  /** Half an observation added to every bin, so an empty bin does not make the index infinite. */
  private static final double SMOOTHING = 0.5;

  private final String detector;
  private final DriftKind kind;
  private final int referenceSize;
  private final int windowSize;
  private final double threshold;
  private long[] reference;
  private long[] window;
  private long referenceCount;
  private long windowCount;
  private long windowStart;
  private long windowEnd = Long.MIN_VALUE;

  public PsiMonitor(String detector, DriftKind kind, int bins, int referenceSize, int windowSize, double threshold) {
    this.detector = detector;
    this.kind = kind;
    this.referenceSize = referenceSize;
    this.windowSize = windowSize;
    this.threshold = threshold;
    this.reference = new long[bins];
    this.window = new long[bins];
  }

  /** Counts one observation in {@code bin} at {@code eventTime}; returns a signal when its window closes shifted. */
  public Optional<DriftSignal> observe(int bin, long eventTime) {
    if (referenceCount < referenceSize) {
      reference[bin]++;
      referenceCount++;
      return Optional.empty();
    }
    windowStart = windowCount == 0 ? eventTime : Math.min(windowStart, eventTime);
    windowEnd = Math.max(windowEnd, eventTime);
    window[bin]++;
    if (++windowCount < windowSize) {
      return Optional.empty();
    }
    double value = psi(reference, window);
    Optional<DriftSignal> signal = Optional.empty();
    if (value > threshold) {
      signal = Optional.of(new DriftSignal(detector, kind, "psi", value, threshold, windowStart, windowEnd));
      reference = window;
      referenceCount = windowCount;
      window = new long[reference.length];
    } else {
      Arrays.fill(window, 0);
    }
    windowCount = 0;
    windowEnd = Long.MIN_VALUE;
    return signal;
  }

  /** PSI = sum over bins of (actual - expected) * ln(actual / expected), on smoothed shares. */
  public static double psi(long[] expected, long[] actual) {
    double expectedTotal = Arrays.stream(expected).sum() + SMOOTHING * expected.length;
    double actualTotal = Arrays.stream(actual).sum() + SMOOTHING * actual.length;
    double sum = 0;
    for (int i = 0; i < expected.length; i++) {
      double e = (expected[i] + SMOOTHING) / expectedTotal;
      double a = (actual[i] + SMOOTHING) / actualTotal;
      sum += (a - e) * Math.log(a / e);
    }
    return sum;
  }
}
