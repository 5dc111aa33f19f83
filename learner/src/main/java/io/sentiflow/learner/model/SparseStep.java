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
import java.util.concurrent.locks.ReentrantLock;

/**
 * Differentiates one mini-batch on the rows it touched only: the gathered rows, W and b go to the
 * device, DJL's autograd gives their gradients under the batch's mean cross-entropy, and everything
 * comes back as plain arrays for the optimizer to apply and scatter.
 * Every batch lives in its own {@link NDManager}, closed before the call returns. Its inputs go in
 * through a reused {@link StagingBuffer} and the row gradients come back through a direct view of
 * the gradient tensor into a reused array, so a step allocates no direct memory and no buffer the
 * size of its rows.
 */
public final class SparseStep implements AutoCloseable {

  /** PyTorch's engine allows one gradient recording per JVM at a time. */
  private static final ReentrantLock RECORDING = new ReentrantLock();

  private final NDManager base;
  private final ModelShape shape;
  private final StagingBuffer inputs = new StagingBuffer();
  private float[] rowGradients = new float[0];

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
      NDArray denseArray = linear ? null
          : batch.create(inputs.floats(dense, dense.length), new Shape(dim, classes), DataType.FLOAT32);
      NDArray biasArray = batch.create(inputs.floats(bias, classes), new Shape(classes, 1), DataType.FLOAT32);
      rowArray.setRequiresGradient(true);
      biasArray.setRequiresGradient(true);
      if (denseArray != null) {
        denseArray.setRequiresGradient(true);
      }
      NDArray labelArray = batch.create(inputs.longs(labels), new Shape(1, labels.length), DataType.INT64);

      NDArray bag = BagForward.bagMatrix(batch, touched, inputs);
      NDArray logits = BagForward.logits(bag, rowArray, denseArray, biasArray);
      NDArray objective = logits.logSoftmax(0).gather(labelArray, 0).mean().neg();
      collector.backward(objective);

      return new Gradients(floatsOf(logits),
          copyRowGradients(rowArray.getGradient(), rowCount * dim),
          denseArray == null ? new float[0] : floatsOf(denseArray.getGradient()),
          floatsOf(biasArray.getGradient()),
          objective.getFloat());
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

  /** Reads the first {@code count} gradient values into the reused array, straight from the tensor. */
  private float[] copyRowGradients(NDArray gradient, int count) {
    if (rowGradients.length < count) {
      rowGradients = new float[Math.max(count, 2 * rowGradients.length)];
    }
    gradient.toByteBuffer(true).asFloatBuffer().get(rowGradients, 0, count);
    return rowGradients;
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
