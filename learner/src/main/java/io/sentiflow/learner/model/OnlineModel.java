package io.sentiflow.learner.model;

import ai.djl.Device;
import io.sentiflow.avro.ModelKind;
import io.sentiflow.avro.ModelShape;
import io.sentiflow.avro.PrequentialMetrics;
import io.sentiflow.learner.optim.Optimizer;
import io.sentiflow.schemas.model.ModelDelta;
import io.sentiflow.schemas.model.ModelWeights;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The learner's model: its working embedding table, dense layer and optimizer state, the rows
 * changed since the last published {@link ModelWeights}, and that version. {@link #learn} predicts
 * a batch with the current parameters and then steps on the rows it touched; {@link #delta},
 * {@link #versionFrom} and {@link #markPublished} turn the changes into the next version, exactly
 * as a follower will rebuild it. Single-threaded.
 */
public final class OnlineModel implements AutoCloseable {

  private final ModelShape shape;
  private final int dim;
  private final Optimizer optimizer;
  private final float l2;
  private final SparseStep step;
  private ModelWeights published;
  /** Working rows with their optimizer accumulators; never shared with a ModelWeights. */
  private final EmbeddingRows rows;
  private final boolean keepsState;
  /** The touched rows' offsets in {@link #rows}, values and accumulators, gathered; reused from batch to batch. */
  private int[] rowOffsets = new int[0];
  private float[] rowValues = new float[0];
  private float[] rowStates = new float[0];
  private final BitSet changedBits = new BitSet();
  private int[] changedBuckets = new int[1024];
  private int changedCount;
  private final float[] dense;
  private final float[] bias;
  private final float[] denseState;
  private final float[] biasState;
  private boolean changed;

  public OnlineModel(ModelWeights start, Optimizer optimizer, float l2, Device device) {
    this.published = start;
    this.shape = start.shape();
    this.dim = shape.getDimension();
    this.optimizer = optimizer;
    this.l2 = l2;
    this.keepsState = optimizer.needsState();
    this.rows = new EmbeddingRows(start.buckets(), dim, keepsState);
    for (int bucket : start.nonZeroBuckets()) {
      int offset = rows.offsetOf(bucket);
      System.arraycopy(start.row(bucket), 0, rows.values(), offset, dim);
    }
    this.dense = start.dense();
    this.bias = start.bias();
    this.denseState = new float[dense.length];
    this.biasState = new float[bias.length];
    this.step = new SparseStep(device, shape);
  }

  /**
   * Version 0: zero embedding rows (untouched rows stay exactly zero, so they never travel), zero
   * bias, and W drawn uniformly from {@code ±1/sqrt(dim)} with a fixed seed; with zero rows a zero W
   * would have no gradient to leave the origin.
   */
  public static ModelWeights initialWeights(String modelId, ModelShape shape, long specHash, long seed,
      long createdTime) {
    float[] w = new float[shape.getKind() == ModelKind.LINEAR ? 0 : shape.getDimension() * shape.getClasses()];
    SplittableRandom random = new SplittableRandom(seed);
    double bound = 1 / Math.sqrt(shape.getDimension());
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) random.nextDouble(-bound, bound);
    }
    return ModelWeights.initial(modelId, 0, shape, specHash, w, new float[shape.getClasses()], createdTime);
  }

  /** Pre-update class probabilities for each example of a batch, with what the step touched. */
  public record StepOutcome(float[][] probabilities, int touchedRows, float loss) {}

  /** Test-then-train on one batch: predicts every example, then takes one optimizer step. */
  public StepOutcome learn(List<LabelledIds> batch, float learningRate) {
    List<int[]> ids = new ArrayList<>(batch.size());
    int[] labels = new int[batch.size()];
    for (int i = 0; i < batch.size(); i++) {
      ids.add(batch.get(i).ids());
      labels[i] = batch.get(i).label();
    }
    TouchedRows touched = TouchedRows.of(ids);
    int[] buckets = touched.buckets();
    int length = buckets.length * dim;
    ensureRowBuffers(buckets.length);
    for (int i = 0; i < buckets.length; i++) {
      rowOffsets[i] = rows.offsetOf(buckets[i]);
    }
    gather(buckets.length, rowValues, keepsState ? rowStates : null);
    SparseStep.Gradients gradients = step.run(rowValues, buckets.length, dense, bias, touched, labels);
    addL2(gradients.rows(), rowValues, length);
    addL2(gradients.dense(), dense, dense.length);

    optimizer.update(rowValues, gradients.rows(), rowStates, length, learningRate);
    optimizer.update(dense, gradients.dense(), denseState, learningRate);
    optimizer.update(bias, gradients.bias(), biasState, learningRate);
    scatter(buckets.length, rowValues, keepsState ? rowStates : null);
    markChanged(buckets);
    changed = true;

    int classes = shape.getClasses();
    int examples = batch.size();
    float[][] probabilities = new float[examples][];
    float[] exampleLogits = new float[classes];
    for (int i = 0; i < examples; i++) {
      for (int c = 0; c < classes; c++) {
        exampleLogits[c] = gradients.logits()[c * examples + i];
      }
      probabilities[i] = ModelWeights.softmax(exampleLogits);
    }
    return new StepOutcome(probabilities, touched.count(), gradients.loss());
  }

  /**
   * Grows the reused gather buffers to hold {@code rowCount} rows. The update runs on these
   * contiguous copies rather than on the rows in place: the JIT vectorizes one long loop over
   * them, where a short loop per row, reading and writing two arrays at unrelated offsets, stays
   * scalar and ran slower than gathering and scattering.
   */
  private void ensureRowBuffers(int rowCount) {
    if (rowOffsets.length < rowCount) {
      int grown = Math.max(rowCount, 2 * rowOffsets.length);
      rowOffsets = new int[grown];
      rowValues = new float[grown * dim];
      rowStates = keepsState ? new float[grown * dim] : null;
    }
  }

  /**
   * The gradient of {@code l2/2 * |p|^2} is {@code l2 * p}: added here on the touched rows and W
   * (never b), it costs one pass instead of four more autograd nodes.
   */
  private void addL2(float[] gradients, float[] params, int length) {
    if (l2 > 0) {
      for (int i = 0; i < length; i++) {
        gradients[i] += l2 * params[i];
      }
    }
  }

  /**
   * Copies the values (and accumulators, when {@code states} is not null) of the first
   * {@code rowCount} rows of {@link #rowOffsets} out, side by side.
   */
  private void gather(int rowCount, float[] values, float[] states) {
    float[] from = rows.values();
    float[] fromStates = rows.states();
    for (int i = 0; i < rowCount; i++) {
      System.arraycopy(from, rowOffsets[i], values, i * dim, dim);
      if (states != null) {
        System.arraycopy(fromStates, rowOffsets[i], states, i * dim, dim);
      }
    }
  }

  private void scatter(int rowCount, float[] values, float[] states) {
    float[] into = rows.values();
    float[] intoStates = rows.states();
    for (int i = 0; i < rowCount; i++) {
      System.arraycopy(values, i * dim, into, rowOffsets[i], dim);
      if (states != null) {
        System.arraycopy(states, i * dim, intoStates, rowOffsets[i], dim);
      }
    }
  }

  private void markChanged(int[] buckets) {
    for (int bucket : buckets) {
      if (!changedBits.get(bucket)) {
        changedBits.set(bucket);
        if (changedCount == changedBuckets.length) {
          changedBuckets = Arrays.copyOf(changedBuckets, changedCount * 2);
        }
        changedBuckets[changedCount++] = bucket;
      }
    }
  }

  /** Whether anything was learned since the last published version. */
  public boolean hasUnpublishedChanges() {
    return changed;
  }

  /** Rows changed since the published version, plus the dense layer, as the next version's delta. */
  public ModelDelta delta(boolean servable, PrequentialMetrics metrics, long createdTime) {
    int[] indices = Arrays.copyOf(changedBuckets, changedCount);
    Arrays.sort(indices);
    float[] values = new float[indices.length * dim];
    for (int i = 0; i < indices.length; i++) {
      rows.copyRow(indices[i], values, i * dim);
    }
    return new ModelDelta(published.modelId(), published.version() + 1, published.version(), shape,
        published.specHash(), indices, values, dense.clone(), bias.clone(), servable, metrics, createdTime);
  }

  /** The version {@code delta} describes: the published one with the delta applied. */
  public ModelWeights versionFrom(ModelDelta delta) {
    Map<Integer, float[]> rows = new HashMap<>();
    for (int i = 0; i < delta.rowCount(); i++) {
      rows.put(delta.rowIndices()[i], Arrays.copyOfRange(delta.rowValues(), i * dim, (i + 1) * dim));
    }
    return published.next(delta.version(), rows, delta.dense(), delta.bias(), delta.servable(), delta.metrics(),
        delta.createdTime());
  }

  /**
   * Makes {@code next} (from {@link #versionFrom} on the latest {@link #delta}, now committed) the
   * published version. Call it before learning anything more, while the delta still describes
   * every unpublished change.
   */
  public void markPublished(ModelWeights next) {
    published = next;
    changedBits.clear();
    changedCount = 0;
    changed = false;
  }

  /** The last published version. */
  public ModelWeights published() {
    return published;
  }

  /** The current parameters as an unpublished version (for offline scoring). */
  public ModelWeights current() {
    Map<Integer, float[]> changedRows = new HashMap<>();
    for (int i = 0; i < changedCount; i++) {
      float[] row = new float[dim];
      rows.copyRow(changedBuckets[i], row, 0);
      changedRows.put(changedBuckets[i], row);
    }
    return published.next(published.version(), changedRows, dense, bias, published.servable(), published.metrics(),
        published.createdTime());
  }

  /** The accumulators of {@code buckets}' rows, {@code dim} each, side by side (zero for untouched rows). */
  public float[] rowStates(int[] buckets) {
    float[] states = new float[buckets.length * dim];
    if (keepsState) {
      for (int i = 0; i < buckets.length; i++) {
        rows.copyState(buckets[i], states, i * dim);
      }
    }
    return states;
  }

  public float[] denseState() {
    return denseState.clone();
  }

  public float[] biasState() {
    return biasState.clone();
  }

  /**
   * Puts back the accumulators a committed learner held, so steps after a restart are the steps it
   * would have taken. {@code rowStates} maps buckets to their {@code dim} accumulators.
   */
  public void restoreOptimizerState(Map<Integer, float[]> rowStates, float[] dense, float[] bias) {
    if (dense.length != denseState.length || bias.length != biasState.length) {
      throw new IllegalArgumentException("optimizer state for another shape");
    }
    if (keepsState) {
      for (Map.Entry<Integer, float[]> entry : rowStates.entrySet()) {
        rows.setState(entry.getKey(), entry.getValue());
      }
    }
    System.arraycopy(dense, 0, denseState, 0, dense.length);
    System.arraycopy(bias, 0, biasState, 0, bias.length);
  }

  /** Forgets the optimizer's accumulators, so every parameter takes full-size steps again. */
  public void resetOptimizerState() {
    rows.resetStates();
    Arrays.fill(denseState, 0f);
    Arrays.fill(biasState, 0f);
  }

  @Override
  public void close() {
    step.close();
  }
}
