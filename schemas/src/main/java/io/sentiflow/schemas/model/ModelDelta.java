package io.sentiflow.schemas.model;

import io.sentiflow.avro.ModelShape;
import io.sentiflow.avro.PrequentialMetrics;

/**
 * Everything that changed from {@code baseVersion} to {@code version}: the embedding rows the
 * learner touched (bucket {@code rowIndices[i]} takes values {@code rowValues[i*dim .. (i+1)*dim)}),
 * the whole dense layer and bias, whether the version may be served, and its prequential metrics.
 */
public record ModelDelta(String modelId, long version, long baseVersion, ModelShape shape, long specHash,
    int[] rowIndices, float[] rowValues, float[] dense, float[] bias, boolean servable,
    PrequentialMetrics metrics, long createdTime) {

  public ModelDelta {
    if (version != baseVersion + 1) {
      throw new IllegalArgumentException("delta " + baseVersion + " -> " + version + " must advance by one");
    }
    if (rowValues.length != rowIndices.length * shape.getDimension()) {
      throw new IllegalArgumentException(rowIndices.length + " rows but " + rowValues.length + " values");
    }
  }

  public int rowCount() {
    return rowIndices.length;
  }
}
