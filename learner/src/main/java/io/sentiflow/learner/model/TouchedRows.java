package io.sentiflow.learner.model;

import java.util.Arrays;
import java.util.List;

/**
 * The embedding rows one mini-batch touches, and the batch as a sparse bag matrix over them:
 * entry (example, position) holds how often the example names that row divided by its length,
 * so the bag mean of every example is one sparse-times-dense product with the gathered rows.
 */
public final class TouchedRows {

  /** Radix of the pair sort: 2^11 counters stay in the L1 cache, and 2^20 buckets x 256 examples take 3 passes. */
  private static final int DIGIT_BITS = 11;

  private final int[] buckets;
  private final int examples;
  private final long[] entryExamples;
  private final long[] entryPositions;
  private final float[] entryWeights;

  private TouchedRows(int[] buckets, int examples, long[] entryExamples, long[] entryPositions,
      float[] entryWeights) {
    this.buckets = buckets;
    this.examples = examples;
    this.entryExamples = entryExamples;
    this.entryPositions = entryPositions;
    this.entryWeights = entryWeights;
  }

  public static TouchedRows of(List<int[]> idsPerExample) {
    int total = 0;
    for (int[] ids : idsPerExample) {
      total += ids.length;
    }
    // One sort of (bucket, example) pairs yields the distinct buckets in order and, as runs of equal
    // pairs, how often each example names each bucket.
    int exampleBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, idsPerExample.size() - 1));
    long exampleMask = (1L << exampleBits) - 1;
    long[] pairs = new long[total];
    int k = 0;
    for (int e = 0; e < idsPerExample.size(); e++) {
      for (int id : idsPerExample.get(e)) {
        pairs[k++] = ((long) id << exampleBits) | e;
      }
    }
    pairs = radixSort(pairs);
    int[] buckets = new int[total];
    long[] entryExamples = new long[total];
    long[] entryPositions = new long[total];
    float[] entryWeights = new float[total];
    int unique = 0;
    int entries = 0;
    for (int i = 0; i < total; ) {
      long pair = pairs[i];
      int run = 1;
      while (i + run < total && pairs[i + run] == pair) {
        run++;
      }
      int bucket = (int) (pair >>> exampleBits);
      int example = (int) (pair & exampleMask);
      if (unique == 0 || buckets[unique - 1] != bucket) {
        buckets[unique++] = bucket;
      }
      entryExamples[entries] = example;
      entryPositions[entries] = unique - 1;
      entryWeights[entries] = run * (1f / idsPerExample.get(example).length);
      entries++;
      i += run;
    }
    return new TouchedRows(Arrays.copyOf(buckets, unique), idsPerExample.size(), Arrays.copyOf(entryExamples, entries),
        Arrays.copyOf(entryPositions, entries), Arrays.copyOf(entryWeights, entries));
  }

  /**
   * Sorts non-negative keys ascending, least significant digit first: linear in the keys, where the
   * comparison sort of a batch's pairs took about a tenth of a whole step.
   */
  static long[] radixSort(long[] keys) {
    long max = 0;
    for (long key : keys) {
      max = Math.max(max, key);
    }
    long[] from = keys;
    long[] to = new long[keys.length];
    int[] starts = new int[1 << DIGIT_BITS];
    for (int shift = 0; shift < Long.SIZE && (max >>> shift) != 0; shift += DIGIT_BITS) {
      Arrays.fill(starts, 0);
      for (long key : from) {
        starts[digit(key, shift)]++;
      }
      int start = 0;
      for (int d = 0; d < starts.length; d++) {
        int count = starts[d];
        starts[d] = start;
        start += count;
      }
      for (long key : from) {
        to[starts[digit(key, shift)]++] = key;
      }
      long[] sorted = to;
      to = from;
      from = sorted;
    }
    return from;
  }

  private static int digit(long key, int shift) {
    return (int) (key >>> shift) & ((1 << DIGIT_BITS) - 1);
  }

  /** Distinct buckets the batch reads, ascending. */
  public int[] buckets() {
    return buckets;
  }

  public int count() {
    return buckets.length;
  }

  public int examples() {
    return examples;
  }

  /** Example (row of the bag matrix) of each non-zero entry. */
  public long[] entryExamples() {
    return entryExamples;
  }

  /** Position in {@link #buckets()} (column of the bag matrix) of each non-zero entry. */
  public long[] entryPositions() {
    return entryPositions;
  }

  /** Occurrences of the bucket in the example divided by the example's length. */
  public float[] entryWeights() {
    return entryWeights;
  }
}
