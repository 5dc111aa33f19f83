package io.sentiflow.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClassificationTest {

  @Test
  void figuresMatchAHandComputedConfusionMatrix() {
    // truth:     0 0 0 1 1 2
    // predicted: 0 0 1 1 2 2
    Classification c = Classification.of(new int[] {0, 0, 0, 1, 1, 2}, new int[] {0, 0, 1, 1, 2, 2}, 3);

    assertThat(c.accuracy()).isCloseTo(4 / 6.0, within(1e-12));
    assertThat(c.precision()).containsExactly(new double[] {1.0, 0.5, 0.5}, within(1e-12));
    assertThat(c.recall()).containsExactly(new double[] {2 / 3.0, 0.5, 1.0}, within(1e-12));
    double f1Negative = 2 * 1.0 * (2 / 3.0) / (1.0 + 2 / 3.0);
    double f1Neutral = 0.5;
    double f1Positive = 2 * 0.5 * 1.0 / 1.5;
    assertThat(c.macroF1()).isCloseTo((f1Negative + f1Neutral + f1Positive) / 3, within(1e-12));
    assertThat(c.macroRecall()).isCloseTo((2 / 3.0 + 0.5 + 1.0) / 3, within(1e-12));
  }

  @Test
  void aClassNobodyUsesDoesNotCountInTheMacroAverages() {
    Classification twoClass = Classification.of(new int[] {0, 2, 2, 0}, new int[] {0, 2, 2, 0}, 3);

    assertThat(twoClass.macroF1()).isEqualTo(1.0);
    assertThat(twoClass.macroRecall()).isEqualTo(1.0);
  }

  @Test
  void aClassOnlyPredictedCountsWithF1ZeroButNotInMacroRecall() {
    Classification c = Classification.of(new int[] {0, 0}, new int[] {0, 1}, 3);

    assertThat(c.macroF1()).isCloseTo((2 * 1.0 * 0.5 / 1.5 + 0) / 2, within(1e-12));
    assertThat(c.macroRecall()).isEqualTo(0.5);
  }
}
