package io.sentiflow.scorer.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ErrorDriftMonitorsTest {

  @Test
  void anAdwinAlertComparesTheNewerMeanErrorWithTheOlderOnePlusTheCutBound() {
    DriftConfig config = DriftConfig.defaults();
    ErrorDriftMonitors monitors = new ErrorDriftMonitors(config);
    Adwin sameStream = new Adwin(config.adwinDelta());
    Random random = new Random(5);
    DriftSignal alert = null;
    for (int i = 0; i < 6_000 && alert == null; i++) {
      boolean wrong = random.nextDouble() < (i < 3_000 ? 0.1 : 0.6);
      sameStream.update(wrong ? 1 : 0);
      List<DriftSignal> signals = monitors.observe(wrong, i);
      alert = signals.stream().filter(s -> s.detector().equals("adwin-error")).findFirst().orElse(null);
    }

    assertThat(alert).as("ADWIN saw the error rise").isNotNull();
    assertThat(sameStream.lastCutBound()).isPositive();
    assertThat(alert.value()).isEqualTo(sameStream.lastCutNewerMean());
    assertThat(alert.threshold()).isEqualTo(sameStream.lastCutOlderMean() + sameStream.lastCutBound())
        .isGreaterThan(sameStream.lastCutOlderMean());
    assertThat(alert.value()).isGreaterThan(alert.threshold());
  }
}
