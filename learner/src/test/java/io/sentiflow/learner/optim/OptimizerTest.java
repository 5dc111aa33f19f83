package io.sentiflow.learner.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OptimizerTest {

  @Test
  void sgdStepsAgainstTheGradient() {
    float[] params = {1f, -2f};
    new Sgd().update(params, new float[] {0.5f, -1f}, null, 0.1f);
    assertThat(params[0]).isCloseTo(0.95f, within(1e-7f));
    assertThat(params[1]).isCloseTo(-1.9f, within(1e-7f));
  }

  @Test
  void adaGradScalesEachStepByTheRootOfItsAccumulatedSquares() {
    float[] params = {0f};
    float[] state = {0f};
    AdaGrad adaGrad = new AdaGrad();
    adaGrad.update(params, new float[] {3f}, state, 0.5f);
    assertThat(state[0]).isEqualTo(9f);
    assertThat(params[0]).as("first step is lr * sign(g)").isCloseTo(-0.5f, within(1e-6f));
    adaGrad.update(params, new float[] {4f}, state, 0.5f);
    assertThat(state[0]).isEqualTo(25f);
    assertThat(params[0]).isCloseTo(-0.5f - 0.5f * 4f / 5f, within(1e-6f));
  }

  @Test
  void scheduleDecaysWithExamplesSeen() {
    LearningRateSchedule schedule = new LearningRateSchedule(0.2, 0.001);
    assertThat(schedule.at(0)).isEqualTo(0.2f);
    assertThat(schedule.at(1000)).isCloseTo(0.1f, within(1e-7f));
    assertThat(new LearningRateSchedule(0.2, 0).at(1_000_000)).isEqualTo(0.2f);
  }
}
