package io.sentiflow.ops.dashboard;

import java.util.Arrays;
import java.util.Random;

/**
 * Scores per second of score time over the last few seconds, and latency percentiles over a longer
 * window, in constant memory: one bucket per second, each counting its scores and keeping a uniform
 * sample of their latencies (reservoir sampling). Percentiles weight each sample by how many scores
 * it stands for, so a busy second counts more than a quiet one. Not thread-safe: its owner locks.
 */
final class ScoreWindow {

  static final int SAMPLES_PER_SECOND = 256;

  private final int seconds;
  private final long[] second;
  private final int[] count;
  private final float[][] samples;
  private final Random random = new Random(0x5EED);

  ScoreWindow(int seconds) {
    this.seconds = seconds;
    this.second = new long[seconds];
    this.count = new int[seconds];
    this.samples = new float[seconds][SAMPLES_PER_SECOND];
    Arrays.fill(second, Long.MIN_VALUE);
  }

  /** A score made at {@code scoreTimeMs}; a score time ahead of {@code nowMs} (clock skew) counts as now. */
  void add(long scoreTimeMs, long latencyMs, long nowMs) {
    long sec = Math.floorDiv(Math.min(scoreTimeMs, nowMs), 1000);
    if (sec <= Math.floorDiv(nowMs, 1000) - seconds) {
      return;
    }
    int i = Math.floorMod(sec, seconds);
    if (second[i] != sec) {
      second[i] = sec;
      count[i] = 0;
    }
    int seen = count[i]++;
    if (seen < SAMPLES_PER_SECOND) {
      samples[i][seen] = latencyMs;
    } else {
      int slot = random.nextInt(seen + 1);
      if (slot < SAMPLES_PER_SECOND) {
        samples[i][slot] = latencyMs;
      }
    }
  }

  /** Scores per second over the last {@code lastSeconds} seconds, the current one included. */
  double ratePerSecond(long nowMs, int lastSeconds) {
    long nowSec = Math.floorDiv(nowMs, 1000);
    long total = 0;
    for (int i = 0; i < seconds; i++) {
      if (second[i] > nowSec - lastSeconds && second[i] <= nowSec) {
        total += count[i];
      }
    }
    return (double) total / lastSeconds;
  }

  /**
   * The latency at each quantile in {@code quantiles} (0..1) over the last {@code lastSeconds},
   * nearest rank on the weighted samples; {@code null} when no score fell in the window.
   */
  double[] latencyQuantiles(long nowMs, int lastSeconds, double... quantiles) {
    long nowSec = Math.floorDiv(nowMs, 1000);
    int kept = 0;
    for (int i = 0; i < seconds; i++) {
      if (inWindow(i, nowSec, lastSeconds)) {
        kept += Math.min(count[i], SAMPLES_PER_SECOND);
      }
    }
    if (kept == 0) {
      return null;
    }
    float[] values = new float[kept];
    double[] weights = new double[kept];
    int k = 0;
    double totalWeight = 0;
    for (int i = 0; i < seconds; i++) {
      if (inWindow(i, nowSec, lastSeconds)) {
        int n = Math.min(count[i], SAMPLES_PER_SECOND);
        double weight = (double) count[i] / n;
        for (int j = 0; j < n; j++) {
          values[k] = samples[i][j];
          weights[k++] = weight;
        }
        totalWeight += count[i];
      }
    }
    Integer[] order = new Integer[kept];
    for (int i = 0; i < kept; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Float.compare(values[a], values[b]));
    double[] result = new double[quantiles.length];
    for (int q = 0; q < quantiles.length; q++) {
      double target = Math.max(quantiles[q] * totalWeight, Double.MIN_VALUE);
      double cumulative = 0;
      int pick = order[kept - 1];
      for (int idx : order) {
        cumulative += weights[idx];
        if (cumulative >= target - 1e-9) {
          pick = idx;
          break;
        }
      }
      result[q] = values[pick];
    }
    return result;
  }

  private boolean inWindow(int i, long nowSec, int lastSeconds) {
    return count[i] > 0 && second[i] > nowSec - lastSeconds && second[i] <= nowSec;
  }
}
