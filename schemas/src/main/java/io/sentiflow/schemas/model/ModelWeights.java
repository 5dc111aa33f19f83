package io.sentiflow.schemas.model;

import io.sentiflow.avro.ModelKind;
import io.sentiflow.avro.ModelShape;
import io.sentiflow.avro.PrequentialMetrics;
import java.util.Arrays;
import java.util.Map;

/**
 * One immutable version of the hashed text classifier, with its pure-Java forward pass.
 *
 * <p>Embedding rows are held one array per bucket, {@code null} for a row that is still zero, so
 * a new version shares every unchanged row with the previous one: applying a delta copies the
 * table of row references and the changed rows only, and the old version stays valid for readers
 * still scoring with it. Row arrays are never mutated after construction.
 */
public final class ModelWeights {

  private final String modelId;
  private final long version;
  private final ModelShape shape;
  private final long specHash;
  private final float[][] rows;
  private final float[] dense;
  private final float[] bias;
  private final boolean servable;
  private final PrequentialMetrics metrics;
  private final long createdTime;

  ModelWeights(String modelId, long version, ModelShape shape, long specHash, float[][] rows, float[] dense,
      float[] bias, boolean servable, PrequentialMetrics metrics, long createdTime) {
    this.modelId = modelId;
    this.version = version;
    this.shape = shape;
    this.specHash = specHash;
    this.rows = rows;
    this.dense = dense;
    this.bias = bias;
    this.servable = servable;
    this.metrics = metrics;
    this.createdTime = createdTime;
  }

  /** A version whose embedding rows are all zero. */
  public static ModelWeights initial(String modelId, long version, ModelShape shape, long specHash,
      float[] dense, float[] bias, long createdTime) {
    checkDense(shape, dense, bias);
    return new ModelWeights(modelId, version, shape, specHash, new float[1 << shape.getBucketBits()][],
        dense.clone(), bias.clone(), true, null, createdTime);
  }

  /**
   * The next version: {@code changedRows} replace their buckets, dense layer and bias are replaced.
   * The map's arrays are copied, so the caller may reuse them.
   */
  public ModelWeights next(long newVersion, Map<Integer, float[]> changedRows, float[] newDense,
      float[] newBias, boolean newServable, PrequentialMetrics newMetrics, long newCreatedTime) {
    checkDense(shape, newDense, newBias);
    float[][] newRows = rows.clone();
    int dim = shape.getDimension();
    changedRows.forEach((bucket, row) -> {
      if (row.length != dim) {
        throw new IllegalArgumentException("row " + bucket + " has " + row.length + " values, expected " + dim);
      }
      newRows[bucket] = row.clone();
    });
    return new ModelWeights(modelId, newVersion, shape, specHash, newRows, newDense.clone(), newBias.clone(),
        newServable, newMetrics, newCreatedTime);
  }

  private static void checkDense(ModelShape shape, float[] dense, float[] bias) {
    int expectedDense = shape.getKind() == ModelKind.LINEAR ? 0 : shape.getDimension() * shape.getClasses();
    if (dense.length != expectedDense || bias.length != shape.getClasses()) {
      throw new IllegalArgumentException("dense layer has " + dense.length + "+" + bias.length
          + " values, expected " + expectedDense + "+" + shape.getClasses());
    }
    if (shape.getKind() == ModelKind.LINEAR && shape.getDimension() != shape.getClasses()) {
      throw new IllegalArgumentException("a LINEAR model has dimension == classes");
    }
  }

  /** Class probabilities for a comment's feature ids (softmax of the logits). */
  public float[] predict(int[] featureIds) {
    return softmax(logits(featureIds));
  }

  /** Logits: mean of the comment's embedding rows, through W (identity for LINEAR), plus b. */
  public float[] logits(int[] featureIds) {
    int dim = shape.getDimension();
    float[] hidden = new float[dim];
    for (int id : featureIds) {
      float[] row = rows[id];
      if (row != null) {
        for (int j = 0; j < dim; j++) {
          hidden[j] += row[j];
        }
      }
    }
    if (featureIds.length > 0) {
      float inv = 1f / featureIds.length;
      for (int j = 0; j < dim; j++) {
        hidden[j] *= inv;
      }
    }
    return project(hidden);
  }

  /** How much each feature pushed the logit of {@code cls}: its row through W, divided by the count. */
  public float[] contributions(int[] featureIds, int cls) {
    float[] out = new float[featureIds.length];
    if (featureIds.length == 0) {
      return out;
    }
    float inv = 1f / featureIds.length;
    for (int i = 0; i < featureIds.length; i++) {
      float[] row = rows[featureIds[i]];
      out[i] = row == null ? 0f : rowLogit(row, cls) * inv;
    }
    return out;
  }

  private float rowLogit(float[] row, int cls) {
    if (shape.getKind() == ModelKind.LINEAR) {
      return row[cls];
    }
    int classes = shape.getClasses();
    float sum = 0f;
    for (int j = 0; j < row.length; j++) {
      sum += row[j] * dense[j * classes + cls];
    }
    return sum;
  }

  private float[] project(float[] hidden) {
    int classes = shape.getClasses();
    float[] logits = bias.clone();
    if (shape.getKind() == ModelKind.LINEAR) {
      for (int c = 0; c < classes; c++) {
        logits[c] += hidden[c];
      }
      return logits;
    }
    for (int j = 0; j < hidden.length; j++) {
      float h = hidden[j];
      if (h != 0f) {
        int base = j * classes;
        for (int c = 0; c < classes; c++) {
          logits[c] += h * dense[base + c];
        }
      }
    }
    return logits;
  }

  /** Numerically stable softmax. */
  public static float[] softmax(float[] logits) {
    float max = Float.NEGATIVE_INFINITY;
    for (float l : logits) {
      max = Math.max(max, l);
    }
    float[] p = new float[logits.length];
    double sum = 0;
    for (int i = 0; i < logits.length; i++) {
      p[i] = (float) Math.exp(logits[i] - max);
      sum += p[i];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= (float) sum;
    }
    return p;
  }

  /** Index of the largest value (the first on ties). */
  public static int argmax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  /** The row of a bucket, or {@code null} while it is zero. Do not modify it. */
  public float[] row(int bucket) {
    return rows[bucket];
  }

  /** Buckets whose rows are set, in increasing order. */
  public int[] nonZeroBuckets() {
    int count = 0;
    for (float[] row : rows) {
      if (row != null) {
        count++;
      }
    }
    int[] buckets = new int[count];
    int k = 0;
    for (int b = 0; b < rows.length; b++) {
      if (rows[b] != null) {
        buckets[k++] = b;
      }
    }
    return buckets;
  }

  public String modelId() {
    return modelId;
  }

  public long version() {
    return version;
  }

  public ModelShape shape() {
    return shape;
  }

  public long specHash() {
    return specHash;
  }

  public int buckets() {
    return rows.length;
  }

  /** W row-major (dimension x classes); empty for LINEAR. A copy. */
  public float[] dense() {
    return dense.clone();
  }

  public float[] bias() {
    return bias.clone();
  }

  public boolean servable() {
    return servable;
  }

  /** Prequential metrics published with this version, or {@code null} for the initial one. */
  public PrequentialMetrics metrics() {
    return metrics;
  }

  public long createdTime() {
    return createdTime;
  }

  /** True when both hold the same numbers (version metadata aside). */
  public boolean sameWeightsAs(ModelWeights other) {
    if (!shape.equals(other.shape) || !Arrays.equals(dense, other.dense) || !Arrays.equals(bias, other.bias)) {
      return false;
    }
    for (int b = 0; b < rows.length; b++) {
      float[] mine = rows[b];
      float[] theirs = other.rows[b];
      if (mine != theirs && !Arrays.equals(mine == null ? new float[shape.getDimension()] : mine,
          theirs == null ? new float[shape.getDimension()] : theirs)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "ModelWeights{" + modelId + " v" + version + ", " + shape.getKind() + " 2^" + shape.getBucketBits()
        + "x" + shape.getDimension() + ", servable=" + servable + "}";
  }
}
