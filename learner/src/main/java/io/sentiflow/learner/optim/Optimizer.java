package io.sentiflow.learner.optim;

/**
 * A first-order update rule on plain arrays. The learner gathers the parameters a batch touched
 * (with their optimizer state, row by row), differentiates them, and hands them here, so an update
 * costs as much as the touched parameters and never the whole table.
 */
public interface Optimizer {

  /**
   * Updates {@code params} in place from {@code grads}. {@code state} holds this rule's per-parameter
   * accumulators, same length as {@code params}, and is updated in place; it is ignored when
   * {@link #needsState()} is false.
   */
  void update(float[] params, float[] grads, float[] state, float learningRate);

  /** Whether {@link #update} reads and writes per-parameter state. */
  boolean needsState();
}
