package io.sentiflow.learner;

/** What the learner does when the scorer reports drift on {@code drift-alerts}. */
public enum DriftReaction {
  /** Multiply the learning rate for a while, to move faster towards the new data. */
  BOOST_LEARNING_RATE,
  /** Forget the optimizer's accumulators, so AdaGrad takes full-size steps again. */
  RESET_OPTIMIZER,
  /** Log the alert and carry on. */
  IGNORE
}
