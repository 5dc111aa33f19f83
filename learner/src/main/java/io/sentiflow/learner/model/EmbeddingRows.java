package io.sentiflow.learner.model;

import java.util.Arrays;

/**
 * The learner's working embedding rows, stored flat. A bucket gets a row the first time a batch
 * touches it (or when it starts non-zero): {@code dim} values at its offset in one array, and its
 * optimizer accumulators at the same offset in a second. Untouched buckets stay zero and take no
 * memory.
 *
 * <p>Against an array per row, a step's gather and scatter copy between flat arrays with no object
 * header or pointer to follow, a new row costs no allocation, and the collector has no table of
 * {@code 2^b} references to rescan whenever a row is added.
 */
final class EmbeddingRows {

  private static final int NO_ROW = -1;

  private final int dim;
  private final int[] offsetOfBucket;
  private float[] values;
  /** The optimizer's accumulators, laid out as {@link #values}; {@code null} for a stateless rule. */
  private float[] states;
  private int used;

  EmbeddingRows(int buckets, int dim, boolean keepsState) {
    this.dim = dim;
    this.offsetOfBucket = new int[buckets];
    Arrays.fill(offsetOfBucket, NO_ROW);
    this.values = new float[1024 * dim];
    this.states = keepsState ? new float[values.length] : null;
  }

  /** The offset of the bucket's row in {@link #values()} and {@link #states()}, adding a zero row first if it has none. */
  int offsetOf(int bucket) {
    int offset = offsetOfBucket[bucket];
    if (offset == NO_ROW) {
      offset = used;
      if (used + dim > values.length) {
        int grown = Math.max(used + dim, 2 * values.length);
        values = Arrays.copyOf(values, grown);
        states = states == null ? null : Arrays.copyOf(states, grown);
      }
      used += dim;
      offsetOfBucket[bucket] = offset;
    }
    return offset;
  }

  /** The rows' values. Adding a row may replace the array: read it after the offsets a step needs. */
  float[] values() {
    return values;
  }

  /** The rows' optimizer accumulators, or {@code null}; replaced together with {@link #values()}. */
  float[] states() {
    return states;
  }

  /** Copies the row of {@code bucket}, which must have one, into {@code into} from {@code at}. */
  void copyRow(int bucket, float[] into, int at) {
    System.arraycopy(values, offsetOfBucket[bucket], into, at, dim);
  }

  /** Copies the accumulators of {@code bucket} into {@code into} from {@code at}; leaves zeros if it has no row. */
  void copyState(int bucket, float[] into, int at) {
    int offset = offsetOfBucket[bucket];
    if (offset != NO_ROW) {
      System.arraycopy(states, offset, into, at, dim);
    }
  }

  /** Sets the accumulators of {@code bucket}, adding a zero row first if it has none. */
  void setState(int bucket, float[] state) {
    int offset = offsetOf(bucket);
    System.arraycopy(state, 0, states, offset, dim);
  }

  /** Forgets every row's accumulators. */
  void resetStates() {
    if (states != null) {
      Arrays.fill(states, 0, used, 0f);
    }
  }
}
