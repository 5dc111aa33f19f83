package io.sentiflow.learner.optim;

/**
 * A first-order update rule on plain arrays. The learner gathers the parameters a batch touched
 * (with their optimizer state, row by row), differentiates them, and hands them here, so an update
 * costs as much as the touched parameters and never the whole table.
 */
public interface Optimizer {

  /**
   * Updates the first {@code length} values of {@code params} in place from those of {@code grads}.
   * {@code state} holds this rule's per-parameter accumulators, laid out as {@code params}, and is
   * updated in place; it is ignored when {@link #needsState()} is false. The arrays may be longer
   * than {@code length}, so buffers can be reused from batch to batch.
   */
  void update(float[] params, float[] grads, float[] state, int length, float learningRate);

  /** {@link #update(float[], float[], float[], int, float)} on all of {@code params}. */
  default void update(float[] params, float[] grads, float[] state, float learningRate) {
    update(params, grads, state, params.length, learningRate);
  }

  /** Whether {@link #update} reads and writes per-parameter state. */
  boolean needsState();
}
