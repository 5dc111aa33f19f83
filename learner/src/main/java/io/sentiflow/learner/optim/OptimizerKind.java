package io.sentiflow.learner.optim;

/** The update rules the learner offers. */
public enum OptimizerKind {
  SGD,
  ADAGRAD;

  public Optimizer create() {
    return this == SGD ? new Sgd() : new AdaGrad();
  }
}
