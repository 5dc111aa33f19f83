package io.sentiflow.schemas.text;

import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Everything that decides which ids a text gets. Two featurizers with equal specs give every text
 * the same ids, so a model is only valid for the spec whose {@link #hash()} it was trained with.
 *
 * @param seed MurmurHash3 seed used to hash terms into buckets
 * @param bucketBits the number of buckets is {@code 1 << bucketBits}
 * @param maxWordNgram longest word n-gram emitted (1 = unigrams only)
 * @param maxCjkCharNgram longest CJK character n-gram emitted (1 = single characters only)
 * @param normalizerVersion version of the normalisation and tokenisation rules
 */
public record FeaturizerSpec(
    int seed, int bucketBits, int maxWordNgram, int maxCjkCharNgram, int normalizerVersion) {

  /** Longest n-gram allowed; terms per text grow linearly with it. */
  public static final int MAX_NGRAM = 8;

  public FeaturizerSpec {
    requireInRange("bucketBits", bucketBits, 1, 30);
    requireInRange("maxWordNgram", maxWordNgram, 1, MAX_NGRAM);
    requireInRange("maxCjkCharNgram", maxCjkCharNgram, 1, MAX_NGRAM);
    requireInRange("normalizerVersion", normalizerVersion, 1, Integer.MAX_VALUE);
  }

  /** Seed 1, 2^20 buckets, word bigrams, CJK character bigrams, normaliser version 1. */
  public static FeaturizerSpec defaults() {
    return new FeaturizerSpec(1, 20, 2, 2, 1);
  }

  public FeaturizerSpec withBucketBits(int bits) {
    return new FeaturizerSpec(seed, bits, maxWordNgram, maxCjkCharNgram, normalizerVersion);
  }

  public int buckets() {
    return 1 << bucketBits;
  }

  /** All fields in a fixed order, e.g. {@code seed=1;bits=20;word=2;cjk=2;norm=1}. */
  public String canonicalString() {
    return "seed=" + seed + ";bits=" + bucketBits + ";word=" + maxWordNgram
        + ";cjk=" + maxCjkCharNgram + ";norm=" + normalizerVersion;
  }

  /**
   * First half of MurmurHash3 x64 128-bit (seed 0) of the UTF-8 {@link #canonicalString()}:
   * the same on every JVM and run, unlike {@link #hashCode()}.
   */
  public long hash() {
    byte[] canonical = canonicalString().getBytes(StandardCharsets.UTF_8);
    return MurmurHash3.hash128x64(canonical, 0, canonical.length, 0)[0];
  }

  private static void requireInRange(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          field + " must be in [" + min + ", " + max + "] but was " + value);
    }
  }
}
