package io.sentiflow.scorer.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AdwinTest {

  private static final double DEFAULT_DELTA = DriftConfig.defaults().adwinDelta();

  @Test
  void noAlarmOver100000StationarySamples() {
    Adwin adwin = new Adwin(DEFAULT_DELTA);
    Random random = new Random(1);
    int alarms = 0;
    for (int i = 0; i < 100_000; i++) {
      if (adwin.update(random.nextDouble() < 0.2 ? 1 : 0)) {
        alarms++;
      }
    }
    assertThat(alarms).isZero();
    assertThat(adwin.mean()).isBetween(0.18, 0.22);
    assertThat(adwin.width()).as("a stationary stream keeps its whole window").isEqualTo(100_000);
  }

  @Test
  void falseAlarmsAreRareOverManyStationaryStreams() {
    // delta bounds the false-alarm probability per cut check only loosely; measured at an error
    // rate of 20%, about 1 stream in 40 of 100 000 values sees an alarm.
    int streamsWithAlarms = 0;
    for (int seed = 100; seed < 140; seed++) {
      Adwin adwin = new Adwin(DEFAULT_DELTA);
      Random random = new Random(seed);
      boolean alarm = false;
      for (int i = 0; i < 100_000; i++) {
        alarm |= adwin.update(random.nextDouble() < 0.2 ? 1 : 0);
      }
      streamsWithAlarms += alarm ? 1 : 0;
    }
    assertThat(streamsWithAlarms).isLessThanOrEqualTo(4);
  }

  @Test
  void detectsAnAbruptRiseInABernoulliStreamWithinTheExpectedDelay() {
    // 0.2 -> 0.5 at 5 000. With |mu1 - mu0| = 0.3 and sigma^2 <= 0.25 the ADWIN bound is met once the
    // new part holds about 50 values; checks every 32 values put the detection at 50-150.
    for (int seed = 0; seed < 20; seed++) {
      Adwin adwin = new Adwin(DEFAULT_DELTA);
      Random random = new Random(seed);
      long detectedAt = -1;
      for (int i = 0; i < 10_000 && detectedAt < 0; i++) {
        double p = i < 5_000 ? 0.2 : 0.5;
        if (adwin.update(random.nextDouble() < p ? 1 : 0) && i >= 5_000) {
          detectedAt = i;
        }
      }
      assertThat(detectedAt - 5_000).as("seed %d", seed).isBetween(0L, 200L);
      assertThat(adwin.lastCutNewerMean()).isGreaterThan(adwin.lastCutOlderMean());
      assertThat(adwin.width()).as("the cut dropped old values").isLessThan(detectedAt + 1);
    }
  }

  @Test
  void aFallingMeanIsACutToo() {
    Adwin adwin = new Adwin(DEFAULT_DELTA);
    Random random = new Random(7);
    boolean cut = false;
    for (int i = 0; i < 6_000; i++) {
      cut |= adwin.update(random.nextDouble() < (i < 3_000 ? 0.6 : 0.1) ? 1 : 0) && i >= 3_000;
    }
    assertThat(cut).isTrue();
    assertThat(adwin.lastCutNewerMean()).isLessThan(adwin.lastCutOlderMean());
  }
}
