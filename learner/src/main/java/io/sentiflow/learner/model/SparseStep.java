package io.sentiflow.learner.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import io.sentiflow.avro.ModelKind;
import io.sentiflow.avro.ModelShape;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Differentiates one mini-batch on the rows it touched only: the gathered rows, W and b go to the
 * device, DJL's autograd gives their gradients under the batch's mean cross-entropy, and everything
 * comes back as plain arrays for the optimizer to apply and scatter.
 * Every batch lives in its own {@link NDManager}, closed before the call returns.
 */
public final class SparseStep implements AutoCloseable {

  /** PyTorch's engine allows one gradient recording per JVM at a time. */
  private static final ReentrantLock RECORDING = new ReentrantLock();

  private final NDManager base;
  private final ModelShape shape;
  private final Loss loss = Loss.softmaxCrossEntropyLoss();

  public SparseStep(Device device, ModelShape shape) {
    this.base = Engine.getEngine("PyTorch").newBaseManager(device);
    this.shape = shape;
  }

  /** Gradients, pre-update logits and mean cross-entropy of one batch. */
  public record Gradients(float[] logits, float[] rows, float[] dense, float[] bias, float loss) {}

  /**
   * @param rows the touched rows, {@code touched.count() x dim}, row-major
   * @param dense W row-major (empty for LINEAR)
   * @param labels class index per example
   */
  public Gradients run(float[] rows, float[] dense, float[] bias, TouchedRows touched, int[] labels) {
    int dim = shape.getDimension();
    int classes = shape.getClasses();
    boolean linear = shape.getKind() == ModelKind.LINEAR;
    RECORDING.lock();
    try (NDManager batch = base.newSubManager();
        GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
      // A batch of empty texts touches no row; one zero row keeps the shapes valid.
      float[] rowValues = rows.length == 0 ? new float[dim] : rows;
      NDArray rowArray = batch.create(rowValues, new Shape(rowValues.length / dim, dim));
      NDArray denseArray = linear ? null : batch.create(dense, new Shape(dim, classes));
      NDArray biasArray = batch.create(bias, new Shape(classes));
      rowArray.setRequiresGradient(true);
      biasArray.setRequiresGradient(true);
      if (denseArray != null) {
        denseArray.setRequiresGradient(true);
      }
      NDArray bag = BagForward.bagMatrix(batch, touched);
      NDArray labelArray = batch.create(labels, new Shape(labels.length));

      NDArray logits = BagForward.logits(bag, rowArray, denseArray, biasArray);
      NDArray objective = loss.evaluate(new NDList(labelArray), new NDList(logits));
      collector.backward(objective);

      float[] rowGrads = rowArray.getGradient().toFloatArray();
      return new Gradients(logits.toFloatArray(),
          Arrays.copyOf(rowGrads, rows.length),
          denseArray == null ? new float[0] : denseArray.getGradient().toFloatArray(),
          biasArray.getGradient().toFloatArray(),
          objective.getFloat());
    } finally {
      RECORDING.unlock();
    }
  }

  @Override
  public void close() {
    base.close();
  }
}
