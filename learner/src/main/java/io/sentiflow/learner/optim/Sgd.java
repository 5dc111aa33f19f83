package io.sentiflow.learner.optim;

/** Plain stochastic gradient descent: {@code p -= lr * g}. */
public final class Sgd implements Optimizer {

  @Override
  public void update(float[] params, float[] grads, float[] state, int length, float learningRate) {
    for (int i = 0; i < length; i++) {
      params[i] -= learningRate * grads[i];
    }
  }

  @Override
  public boolean needsState() {
    return false;
  }
}
