package io.sentiflow.ops.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScoreWindowTest {

  private static final long NOW = 1_700_000_000_500L;

  @Test
  void ratesCountOnlyTheLastSecondsOfScoreTime() {
    ScoreWindow window = new ScoreWindow(60);
    for (int i = 0; i < 30; i++) {
      window.add(NOW - 2_000, 10, NOW);
    }
    for (int i = 0; i < 50; i++) {
      window.add(NOW - 30_000, 10, NOW);
    }
    window.add(NOW - 120_000, 10, NOW); // older than the window: ignored

    assertThat(window.ratePerSecond(NOW, 10)).isEqualTo(3.0);
    assertThat(window.ratePerSecond(NOW, 60)).isEqualTo(80 / 60.0);
    assertThat(window.ratePerSecond(NOW + 15_000, 10)).isZero();
  }

  @Test
  void percentilesWeightBusySecondsByTheirScores() {
    ScoreWindow window = new ScoreWindow(60);
    // 10 slow scores in one second, 2,000 fast ones in another: the sampled second must not
    // count as much as the quiet one just because both keep a reservoir of the same size.
    for (int i = 0; i < 10; i++) {
      window.add(NOW - 5_000, 1_000, NOW);
    }
    for (int i = 0; i < 2_000; i++) {
      window.add(NOW - 1_000, 20, NOW);
    }
    double[] q = window.latencyQuantiles(NOW, 60, 0.5, 0.99, 0.999);
    assertThat(q[0]).isEqualTo(20);
    assertThat(q[1]).isEqualTo(20);
    assertThat(q[2]).isEqualTo(1_000);
  }

  @Test
  void clockSkewCountsAsNowAndEmptyWindowsHaveNoPercentiles() {
    ScoreWindow window = new ScoreWindow(10);
    assertThat(window.latencyQuantiles(NOW, 10, 0.5)).isNull();
    window.add(NOW + 5_000, 7, NOW);
    assertThat(window.ratePerSecond(NOW, 1)).isEqualTo(1.0);
    assertThat(window.latencyQuantiles(NOW, 10, 0.5)).containsExactly(7.0);
  }

  @Test
  void aReusedBucketForgetsItsOldSecond() {
    ScoreWindow window = new ScoreWindow(10);
    window.add(NOW - 3_000, 500, NOW);
    long later = NOW + 10_000; // same bucket index, ten seconds on
    window.add(later - 3_000, 5, later);
    assertThat(window.ratePerSecond(later, 10)).isEqualTo(0.1);
    assertThat(window.latencyQuantiles(later, 10, 1.0)).containsExactly(5.0);
  }
}
