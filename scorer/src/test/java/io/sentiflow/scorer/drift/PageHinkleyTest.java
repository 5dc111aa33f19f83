package io.sentiflow.scorer.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PageHinkleyTest {

  private static PageHinkley withDefaults() {
    DriftConfig d = DriftConfig.defaults();
    return new PageHinkley(d.pageHinkleyMinInstances(), d.pageHinkleyDelta(), d.pageHinkleyLambda(),
        d.pageHinkleyAlpha());
  }

  @Test
  void noAlarmOver100000StationarySamples() {
    PageHinkley ph = withDefaults();
    Random random = new Random(1);
    int alarms = 0;
    for (int i = 0; i < 100_000; i++) {
      if (ph.update(random.nextDouble() < 0.2 ? 1 : 0)) {
        alarms++;
      }
    }
    assertThat(alarms).isZero();
    assertThat(ph.statistic()).isLessThan(ph.lambda());
  }

  @Test
  void falseAlarmsAreRareOverManyStationaryStreams() {
    // lambda = 50 against Bernoulli noise: measured at an error rate of 20%, about 1 stream in 30 of
    // 100 000 values sees an alarm (none at 10%, 1 in 7 at 30%).
    int streamsWithAlarms = 0;
    for (int seed = 100; seed < 140; seed++) {
      PageHinkley ph = withDefaults();
      Random random = new Random(seed);
      boolean alarm = false;
      for (int i = 0; i < 100_000; i++) {
        alarm |= ph.update(random.nextDouble() < 0.2 ? 1 : 0);
      }
      streamsWithAlarms += alarm ? 1 : 0;
    }
    assertThat(streamsWithAlarms).isLessThanOrEqualTo(5);
  }

  @Test
  void detectsAnAbruptRiseWithinTheExpectedDelay() {
    // After 0.2 -> 0.5 each value adds about 0.3 - delta to the statistic, which sits near
    // -delta/(1-alpha) and below after a stationary stretch, so it needs roughly (50 + |S|) / 0.3 values.
    long total = 0;
    for (int seed = 0; seed < 20; seed++) {
      PageHinkley ph = withDefaults();
      Random random = new Random(seed);
      long detectedAt = -1;
      for (int i = 0; i < 10_000 && detectedAt < 0; i++) {
        boolean alarm = ph.update(random.nextDouble() < (i < 5_000 ? 0.2 : 0.5) ? 1 : 0);
        if (alarm) {
          assertThat(i).as("seed %d: no alarm before the shift", seed).isGreaterThanOrEqualTo(5_000);
          detectedAt = i;
        }
      }
      assertThat(detectedAt - 5_000).as("seed %d", seed).isBetween(0L, 600L);
      total += detectedAt - 5_000;
    }
    assertThat(total / 20).as("mean delay").isBetween(100L, 400L);
  }

  @Test
  void aFallingMeanNeverAlarms() {
    PageHinkley ph = withDefaults();
    Random random = new Random(3);
    for (int i = 0; i < 20_000; i++) {
      assertThat(ph.update(random.nextDouble() < (i < 10_000 ? 0.5 : 0.1) ? 1 : 0)).isFalse();
    }
  }
}
