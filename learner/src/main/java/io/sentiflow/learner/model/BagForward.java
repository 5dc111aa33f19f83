package io.sentiflow.learner.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/** The classifier's forward pass in DJL: the math of {@code ModelWeights.logits}, batched. */
final class BagForward {

  private BagForward() {}

  /**
   * The batch's sparse bag matrix {@code [examples x touched rows]}. Sparse, so both the product
   * and its gradient cost as much as the ids in the batch, with no padding.
   *
   * <p>The sparse tensor shares the memory of its index and value tensors. {@code NDManager.createCoo}
   * closes those right away, which lets the JVM free that memory while the tensor still reads it
   * (the backward pass then sees garbage indices); here both belong to {@code manager}, and hold
   * their slices of {@code staging}, so they live exactly as long as the bag.
   */
  static NDArray bagMatrix(NDManager manager, TouchedRows touched, StagingBuffer staging) {
    int entries = touched.entryWeights().length;
    NDArray values = manager.create(staging.floats(touched.entryWeights(), entries), new Shape(entries),
        DataType.FLOAT32);
    NDArray indices = manager.create(staging.longs(touched.entryExamples(), touched.entryPositions()),
        new Shape(2, entries), DataType.INT64);
    return JniUtils.createSparseCoo((PtNDArray) indices, (PtNDArray) values,
        new Shape(touched.examples(), Math.max(1, touched.count())));
  }

  /** Each example's mean of its rows, {@code bag x rows}: {@code [examples x dim]}. */
  static NDArray bagMeans(NDArray bag, NDArray rows) {
    return bag.matMul(rows);
  }

  /**
   * Logits class-major, {@code [classes x examples]}: the log-softmax over classes then runs along
   * the outer axis, which PyTorch vectorizes across examples, where a softmax over an inner axis
   * of three classes runs about four times slower.
   *
   * @param means the bag means from {@link #bagMeans}, {@code [examples x dim]}
   * @param transposedDense W transposed, {@code [classes x dim]} (staged that way, which saves
   *     transposing it here), or {@code null} for the LINEAR form (W = identity)
   * @param bias b {@code [classes x 1]}
   */
  static NDArray logits(NDArray means, NDArray transposedDense, NDArray bias) {
    NDArray projected = transposedDense == null ? means.transpose() : transposedDense.matMul(means.transpose());
    return projected.add(bias);
  }
}
