package io.sentiflow.scorer.drift;

import io.sentiflow.avro.DriftKind;
import java.util.Optional;

/**
 * Fires when the mean of a value over a tumbling window rises more than {@code margin} above its
 * mean over the reference window: for a share that should only fall as the model learns (the
 * share of a comment's buckets the model has never trained), a rise means new vocabulary. The
 * window that fired becomes the new reference.
 */
public final class MeanRiseMonitor {

  private final String detector;
  private final DriftKind kind;
  private final String statistic;
  private final int referenceSize;
  private final int windowSize;
  private final double margin;
  private double referenceSum;
  private long referenceCount;
  private double windowSum;
  private long windowCount;
  private long windowStart;
  private long windowEnd = Long.MIN_VALUE;

  public MeanRiseMonitor(String detector, DriftKind kind, String statistic, int referenceSize, int windowSize,
      double margin) {
    this.detector = detector;
    this.kind = kind;
    this.statistic = statistic;
    this.referenceSize = referenceSize;
    this.windowSize = windowSize;
    this.margin = margin;
  }

  public Optional<DriftSignal> observe(double value, long eventTime) {
    if (referenceCount < referenceSize) {
      referenceSum += value;
      referenceCount++;
      return Optional.empty();
    }
    windowStart = windowCount == 0 ? eventTime : Math.min(windowStart, eventTime);
    windowEnd = Math.max(windowEnd, eventTime);
    windowSum += value;
    if (++windowCount < windowSize) {
      return Optional.empty();
    }
    double windowMean = windowSum / windowCount;
    double threshold = referenceSum / referenceCount + margin;
    Optional<DriftSignal> signal = Optional.empty();
    if (windowMean > threshold) {
      signal = Optional.of(new DriftSignal(detector, kind, statistic, windowMean, threshold, windowStart, windowEnd));
      referenceSum = windowSum;
      referenceCount = windowCount;
    }
    windowSum = 0;
    windowCount = 0;
    windowEnd = Long.MIN_VALUE;
    return signal;
  }
}
