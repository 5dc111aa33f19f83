package io.sentiflow.learner.model;

import java.util.Arrays;
import java.util.List;

/**
 * The embedding rows one mini-batch touches, and the batch as a sparse bag matrix over them:
 * entry (example, position) holds how often the example names that row divided by its length,
 * so the bag mean of every example is one sparse-times-dense product with the gathered rows.
 */
public final class TouchedRows {

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
    long[] pairs = new long[total];
    int k = 0;
    for (int e = 0; e < idsPerExample.size(); e++) {
      for (int id : idsPerExample.get(e)) {
        pairs[k++] = ((long) id << 32) | e;
      }
    }
    Arrays.sort(pairs);
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
      int bucket = (int) (pair >>> 32);
      int example = (int) pair;
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
