package io.sentiflow.learner.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.sentiflow.avro.ModelKind;
import io.sentiflow.avro.ModelShape;
import java.nio.FloatBuffer;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Differentiates one mini-batch on the rows it touched only: the gathered rows, W and b go to the
 * device, the forward pass runs there, DJL's autograd gives the gradients of W, b and the bag
 * means under the batch's mean cross-entropy, and everything comes back as plain arrays for the
 * optimizer to apply and scatter.
 *
 * <p>The last link of the chain rule, from the bag means back to the rows, is a transposed product
 * with the bag matrix, done here in Java: PyTorch's CPU kernel for a sparse product dispatches once
 * per non-zero (about 50 ns each), which made that product a quarter of the step's time in
 * PyTorch, and the rows' gradient no longer has to be zeroed on the device and copied back.
 *
 * <p>Every batch lives in its own {@link NDManager}, closed before the call returns. Its inputs go in
 * through a reused {@link StagingBuffer} and the gradients come back through direct views of the
 * tensors into reused arrays, so a step allocates no direct memory and no buffer the size of its
 * rows.
 */
public final class SparseStep implements AutoCloseable {

  /** PyTorch's engine allows one gradient recording per JVM at a time. */
  private static final ReentrantLock RECORDING = new ReentrantLock();

  private final NDManager base;
  private final ModelShape shape;
  private final StagingBuffer inputs = new StagingBuffer();
  private float[] rowGradients = new float[0];
  private float[] meanGradients = new float[0];

  public SparseStep(Device device, ModelShape shape) {
    this.base = Engine.getEngine("PyTorch").newBaseManager(device);
    this.shape = shape;
  }

  /**
   * Gradients, pre-update logits and mean cross-entropy of one batch. {@code logits} is
   * class-major ({@code [classes x examples]}). {@code rows} holds the touched rows' gradients laid
   * out as the rows were given; the array may be longer, and the next step reuses it.
   */
  public record Gradients(float[] logits, float[] rows, float[] dense, float[] bias, float loss) {}

  /**
   * @param rows the touched rows, {@code rowCount x dim} values row-major from index 0 (the array
   *     may be longer)
   * @param dense W row-major (empty for LINEAR)
   * @param labels class index per example
   */
  public Gradients run(float[] rows, int rowCount, float[] dense, float[] bias, TouchedRows touched, int[] labels) {
    int dim = shape.getDimension();
    int classes = shape.getClasses();
    boolean linear = shape.getKind() == ModelKind.LINEAR;
    RECORDING.lock();
    inputs.reset();
    try (NDManager batch = base.newSubManager();
        GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
      NDArray rowArray = rowArray(batch, rows, rowCount, dim);
      NDArray transposedDense = linear ? null
          : batch.create(inputs.transposed(dense, dim, classes), new Shape(classes, dim), DataType.FLOAT32);
      NDArray biasArray = batch.create(inputs.floats(bias, classes), new Shape(classes, 1), DataType.FLOAT32);
      biasArray.setRequiresGradient(true);
      if (transposedDense != null) {
        transposedDense.setRequiresGradient(true);
      }
      NDArray targets = batch.create(inputs.lossWeights(labels, classes), new Shape(classes, labels.length),
          DataType.FLOAT32);

      NDArray means = BagForward.bagMeans(BagForward.bagMatrix(batch, touched, inputs), rowArray);
      means.setRequiresGradient(true);
      NDArray logits = BagForward.logits(means, transposedDense, biasArray);
      NDArray objective = logits.logSoftmax(0).mul(targets).sum();
      collector.backward(objective);

      return new Gradients(floatsOf(logits),
          rowGradients(touched, means.getGradient(), rowCount, dim),
          transposedDense == null ? new float[0] : transposedFloatsOf(transposedDense.getGradient(), dim),
          floatsOf(biasArray.getGradient()),
          objective.toByteBuffer(true).asFloatBuffer().get(0));
    } finally {
      RECORDING.unlock();
    }
  }

  /** The touched rows {@code [rows x dim]}; a batch of empty texts gets one zero row to keep shapes valid. */
  private NDArray rowArray(NDManager batch, float[] rows, int rowCount, int dim) {
    if (rowCount == 0) {
      return batch.zeros(new Shape(1, dim));
    }
    return batch.create(inputs.floats(rows, rowCount * dim), new Shape(rowCount, dim), DataType.FLOAT32);
  }

  /**
   * The rows' gradient, {@code bag^T x meanGradient}: each row's gradient is the sum over the
   * bag's non-zeros in its column of the weight times that example's mean gradient. The non-zeros
   * come grouped by row, so each row is written by its first non-zero and then accumulated while
   * it is in cache, and the reused array needs no clearing.
   */
  private float[] rowGradients(TouchedRows touched, NDArray meanGradient, int rowCount, int dim) {
    int count = rowCount * dim;
    if (rowGradients.length < count) {
      rowGradients = new float[Math.max(count, 2 * rowGradients.length)];
    }
    int means = Math.toIntExact(meanGradient.size());
    if (meanGradients.length < means) {
      meanGradients = new float[means];
    }
    meanGradient.toByteBuffer(true).asFloatBuffer().get(meanGradients, 0, means);
    long[] examples = touched.entryExamples();
    long[] positions = touched.entryPositions();
    float[] weights = touched.entryWeights();
    for (int k = 0; k < weights.length; ) {
      long position = positions[k];
      int row = (int) position * dim;
      int mean = (int) examples[k] * dim;
      float weight = weights[k];
      for (int j = 0; j < dim; j++) {
        rowGradients[row + j] = weight * meanGradients[mean + j];
      }
      for (k++; k < weights.length && positions[k] == position; k++) {
        mean = (int) examples[k] * dim;
        weight = weights[k];
        for (int j = 0; j < dim; j++) {
          rowGradients[row + j] += weight * meanGradients[mean + j];
        }
      }
    }
    return rowGradients;
  }

  /**
   * The values of a {@code [rows x columns]} array laid out as its transpose, row-major
   * {@code [columns x rows]}, read through a direct view of the tensor.
   */
  private static float[] transposedFloatsOf(NDArray array, int columns) {
    FloatBuffer view = array.toByteBuffer(true).asFloatBuffer();
    int rows = view.remaining() / columns;
    float[] values = new float[view.remaining()];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        values[c * rows + r] = view.get(r * columns + c);
      }
    }
    return values;
  }

  /** The array's values, read through a direct view of the tensor instead of a freshly allocated copy. */
  private static float[] floatsOf(NDArray array) {
    float[] values = new float[Math.toIntExact(array.size())];
    array.toByteBuffer(true).asFloatBuffer().get(values);
    return values;
  }

  @Override
  public void close() {
    base.close();
  }
}
