package io.sentiflow.learner.optim;

/**
 * AdaGrad (Duchi et al. 2011): {@code s += g^2; p -= lr * g / (sqrt(s) + eps)}. Rare features keep
 * large steps while frequent ones settle, which suits hashed text; the state starts at zero as in
 * PyTorch's {@code Adagrad}.
 */
public final class AdaGrad implements Optimizer {

  /** Keeps the step finite for a parameter whose gradients have all been zero. */
  public static final float EPSILON = 1e-10f;

  @Override
  public void update(float[] params, float[] grads, float[] state, int length, float learningRate) {
    for (int i = 0; i < length; i++) {
      float g = grads[i];
      state[i] += g * g;
      params[i] -= learningRate * g / ((float) Math.sqrt(state[i]) + EPSILON);
    }
  }

  @Override
  public boolean needsState() {
    return true;
  }
}
