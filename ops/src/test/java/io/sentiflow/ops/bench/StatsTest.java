package io.sentiflow.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void medianOfAnOddCountIsTheMiddleValue() {
    assertThat(Stats.median(9, 1, 5)).isEqualTo(5);
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(Stats.median(4, 1, 3, 100)).isEqualTo(3.5);
  }

  @Test
  void medianLeavesItsInputUnsorted() {
    double[] values = {3, 1, 2};
    Stats.median(values);
    assertThat(values).containsExactly(3, 1, 2);
  }

  @Test
  void medianOfNothingIsRefused() {
    assertThatThrownBy(() -> Stats.median()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ratioAgainstZeroIsNotANumber() {
    assertThat(Stats.ratio(5, 0)).isNaN();
    assertThat(Stats.ratio(3, 4)).isEqualTo(0.75);
  }
}
