package io.sentiflow.scorer.drift;

import java.util.ArrayList;
import java.util.List;

/**
 * ADWIN (ADaptive WINdowing, Bifet and Gavaldà, SDM 2007), the ADWIN2 variant: a window over a
 * stream of values in [0, 1] kept as an exponential histogram, shrunk from its old end whenever
 * some split into an older and a newer part has means that differ by more than the Hoeffding-style
 * bound for confidence {@code delta}. Memory and time per value are logarithmic in the window.
 *
 * <p>Defaults as in the paper and MOA: delta 0.002, at most 5 buckets per row, a cut checked every
 * 32 values, and both parts of a cut at least 5 values long.
 */
public final class Adwin {

  private static final int MAX_BUCKETS = 5;
  private static final int CLOCK = 32;
  private static final int MIN_PART = 5;

  private final double delta;
  /** Row i holds buckets of 2^i values, oldest first; row 0 is the newest data. */
  private final List<Row> rows = new ArrayList<>();
  private long width;
  private double total;
  private double variance;
  private long seen;
  private double lastCutOlderMean;
  private double lastCutNewerMean;
  private double lastCutBound;

  public Adwin(double delta) {
    if (!(delta > 0 && delta < 1)) {
      throw new IllegalArgumentException("delta must be in (0, 1)");
    }
    this.delta = delta;
  }

  /** Adds a value; returns true when the window was cut because its mean changed. */
  public boolean update(double value) {
    insert(value);
    compress();
    seen++;
    return seen % CLOCK == 0 && width > MIN_PART && shrinkWhileCut();
  }

  /** Mean of the older part dropped at the last cut. */
  public double lastCutOlderMean() {
    return lastCutOlderMean;
  }

  /** Mean of the newer part kept at the last cut; above {@link #lastCutOlderMean()} when the mean rose. */
  public double lastCutNewerMean() {
    return lastCutNewerMean;
  }

  /** The bound ε the two means of the last cut differed by more than. */
  public double lastCutBound() {
    return lastCutBound;
  }

  public long width() {
    return width;
  }

  public double mean() {
    return width == 0 ? 0 : total / width;
  }

  private void insert(double value) {
    if (rows.isEmpty()) {
      rows.add(new Row());
    }
    rows.get(0).addNewest(value, 0);
    width++;
    if (width > 1) {
      double d = value - total / (width - 1);
      variance += (width - 1) * d * d / width;
    }
    total += value;
  }

  private void compress() {
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      if (row.size <= MAX_BUCKETS) {
        return;
      }
      if (i + 1 == rows.size()) {
        rows.add(new Row());
      }
      double n = 1L << i;
      double mean1 = row.sums[0] / n;
      double mean2 = row.sums[1] / n;
      double merged = row.vars[0] + row.vars[1] + n * n * (mean1 - mean2) * (mean1 - mean2) / (2 * n);
      rows.get(i + 1).addNewest(row.sums[0] + row.sums[1], merged);
      row.removeOldest(2);
    }
  }

  private boolean shrinkWhileCut() {
    boolean changed = false;
    boolean cut = true;
    while (cut && width > MIN_PART) {
      cut = false;
      double n0 = 0;
      double n1 = width;
      double u0 = 0;
      double u1 = total;
      search:
      for (int i = rows.size() - 1; i >= 0; i--) {
        Row row = rows.get(i);
        double size = 1L << i;
        for (int b = 0; b < row.size; b++) {
          n0 += size;
          n1 -= size;
          u0 += row.sums[b];
          u1 -= row.sums[b];
          if (n0 > MIN_PART + 1 && n1 > MIN_PART + 1 && cutBetween(n0, n1, u0, u1)) {
            lastCutOlderMean = u0 / n0;
            lastCutNewerMean = u1 / n1;
            lastCutBound = cutBound(n0, n1);
            dropOldestBucket();
            changed = true;
            cut = true;
            break search;
          }
        }
      }
    }
    return changed;
  }

  private boolean cutBetween(double n0, double n1, double u0, double u1) {
    return Math.abs(u0 / n0 - u1 / n1) > cutBound(n0, n1);
  }

  private double cutBound(double n0, double n1) {
    double v = variance / width;
    double dd = Math.log(2 * Math.log(width) / delta);
    double m = 1 / (n0 - MIN_PART + 1) + 1 / (n1 - MIN_PART + 1);
    return Math.sqrt(2 * m * v * dd) + 2.0 / 3.0 * dd * m;
  }

  private void dropOldestBucket() {
    int last = rows.size() - 1;
    Row row = rows.get(last);
    double n = 1L << last;
    double sum = row.sums[0];
    double bucketVariance = row.vars[0];
    width -= (long) n;
    total -= sum;
    double mean = sum / n;
    variance -= bucketVariance + n * width * (mean - total / width) * (mean - total / width) / (n + width);
    if (width == 0) {
      variance = 0;
    }
    row.removeOldest(1);
    if (row.size == 0) {
      rows.remove(last);
    }
  }

  /** Buckets of one size, oldest at index 0. */
  private static final class Row {
    final double[] sums = new double[MAX_BUCKETS + 1];
    final double[] vars = new double[MAX_BUCKETS + 1];
    int size;

    void addNewest(double sum, double var) {
      sums[size] = sum;
      vars[size] = var;
      size++;
    }

    void removeOldest(int count) {
      System.arraycopy(sums, count, sums, 0, size - count);
      System.arraycopy(vars, count, vars, 0, size - count);
      size -= count;
    }
  }
}
