package io.sentiflow.learner.model;

import java.util.Arrays;
import java.util.List;

/**
 * The embedding rows one mini-batch touches, and the batch as a sparse bag matrix over them:
 * entry (example, position) holds how often the example names that row divided by its length,
 * so the bag mean of every example is one sparse-times-dense product with the gathered rows.
 */
public final class TouchedRows {

  /** Widest digit of the pair sort: 2^20 buckets take two passes of 10 bits, whose counters stay in the L1 cache. */
  private static final int MAX_DIGIT_BITS = 11;

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
    // pairs, how often each example names each bucket. The pairs are made in example order, so
    // sorting them by bucket alone sorts them completely.
    int exampleBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, idsPerExample.size() - 1));
    long exampleMask = (1L << exampleBits) - 1;
    long[] pairs = new long[total];
    float[] shareOfOneId = new float[idsPerExample.size()];
    int k = 0;
    for (int e = 0; e < idsPerExample.size(); e++) {
      int[] ids = idsPerExample.get(e);
      shareOfOneId[e] = 1f / ids.length;
      for (int id : ids) {
        pairs[k++] = ((long) id << exampleBits) | e;
      }
    }
    pairs = radixSort(pairs, exampleBits);
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
      entryWeights[entries] = run * shareOfOneId[example];
      entries++;
      i += run;
    }
    return new TouchedRows(Arrays.copyOf(buckets, unique), idsPerExample.size(), Arrays.copyOf(entryExamples, entries),
        Arrays.copyOf(entryPositions, entries), Arrays.copyOf(entryWeights, entries));
  }

  /**
   * Sorts non-negative keys ascending by their bits from {@code sortedBits} up, keeping the order
   * of keys that tie there (so keys already ascending in their low {@code sortedBits} come out
   * fully sorted). Least significant digit first: linear in the keys, where the comparison sort of
   * a batch's pairs took about a tenth of a whole step. One read counts every digit; then each pass
   * moves the keys once.
   */
  static long[] radixSort(long[] keys, int sortedBits) {
    long max = 0;
    for (long key : keys) {
      max = Math.max(max, key);
    }
    int keyBits = Long.SIZE - Long.numberOfLeadingZeros(max >>> sortedBits);
    int passes = (keyBits + MAX_DIGIT_BITS - 1) / MAX_DIGIT_BITS;
    if (passes == 0) {
      return keys;
    }
    int digitBits = (keyBits + passes - 1) / passes;
    int digitMask = (1 << digitBits) - 1;
    int[][] starts = new int[passes][1 << digitBits];
    for (long key : keys) {
      for (int pass = 0; pass < passes; pass++) {
        starts[pass][(int) (key >>> (sortedBits + pass * digitBits)) & digitMask]++;
      }
    }
    long[] from = keys;
    long[] to = new long[keys.length];
    for (int pass = 0; pass < passes; pass++) {
      int[] next = starts[pass];
      int start = 0;
      for (int d = 0; d < next.length; d++) {
        int count = next[d];
        next[d] = start;
        start += count;
      }
      int shift = sortedBits + pass * digitBits;
      for (long key : from) {
        to[next[(int) (key >>> shift) & digitMask]++] = key;
      }
      long[] sorted = to;
      to = from;
      from = sorted;
    }
    return from;
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

  /**
   * Position in {@link #buckets()} (column of the bag matrix) of each non-zero entry; ascending, so
   * each column's entries are adjacent.
   */
  public long[] entryPositions() {
    return entryPositions;
  }

  /** Occurrences of the bucket in the example divided by the example's length. */
  public float[] entryWeights() {
    return entryWeights;
  }
}
