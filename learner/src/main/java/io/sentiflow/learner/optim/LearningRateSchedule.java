package io.sentiflow.learner.optim;

/**
 * Inverse-time decay: {@code lr(n) = base / (1 + decay * n)} after {@code n} training examples.
 * A decay of zero keeps the rate constant, which lets a never-ending stream keep adapting.
 */
public record LearningRateSchedule(double base, double decay) {

  public LearningRateSchedule {
    if (base <= 0 || decay < 0) {
      throw new IllegalArgumentException("need base > 0 and decay >= 0, got " + base + ", " + decay);
    }
  }

  public float at(long examplesSeen) {
    return (float) (base / (1 + decay * examplesSeen));
  }
}
