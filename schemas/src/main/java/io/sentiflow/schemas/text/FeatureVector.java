package io.sentiflow.schemas.text;

import java.util.Arrays;
import java.util.Objects;

/**
 * A text's terms and their hashed bucket ids: {@code ids[i]} is the bucket of {@code terms[i]}, in
 * text order, repeats kept. The arrays are shared, not copied (this sits on the hot path); do not
 * modify them.
 */
public record FeatureVector(int[] ids, String[] terms) {

  private static final FeatureVector EMPTY = new FeatureVector(new int[0], new String[0]);

  public FeatureVector {
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(terms, "terms");
    if (ids.length != terms.length) {
      throw new IllegalArgumentException(
          ids.length + " ids but " + terms.length + " terms; they must pair up");
    }
  }

  public static FeatureVector empty() {
    return EMPTY;
  }

  public int size() {
    return ids.length;
  }

  // Records compare arrays by identity; a vector is a value, so compare contents.
  @Override
  public boolean equals(Object other) {
    return other instanceof FeatureVector that
        && Arrays.equals(ids, that.ids)
        && Arrays.equals(terms, that.terms);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(ids) + Arrays.hashCode(terms);
  }

  @Override
  public String toString() {
    return "FeatureVector[ids=" + Arrays.toString(ids) + ", terms=" + Arrays.toString(terms) + "]";
  }
}
