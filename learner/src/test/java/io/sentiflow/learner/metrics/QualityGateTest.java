package io.sentiflow.learner.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QualityGateTest {

  @Test
  void holdsBackAVersionFarBelowTheBestRecentOne() {
    QualityGate gate = new QualityGate(0.10, 3);
    assertThat(gate.servable(0.80, true)).isTrue();
    assertThat(gate.servable(0.75, true)).as("within the allowed drop").isTrue();
    assertThat(gate.servable(0.65, true)).as("0.15 below the best").isFalse();
  }

  @Test
  void thinEvidenceNeverHoldsBackAndTheBarFollowsALastingShift() {
    QualityGate gate = new QualityGate(0.10, 2);
    assertThat(gate.servable(0.10, false)).isTrue();
    assertThat(gate.servable(0.90, true)).isTrue();
    assertThat(gate.servable(0.60, true)).isFalse();
    assertThat(gate.servable(0.60, true)).isFalse();
    assertThat(gate.servable(0.60, true)).as("0.90 is no longer recent").isTrue();
  }

  @Test
  void aGateRebuiltFromItsHistoryJudgesAsTheOriginal() {
    QualityGate original = new QualityGate(0.10, 3);
    original.servable(0.90, true);
    original.servable(0.85, true);
    QualityGate rebuilt = new QualityGate(0.10, 3, original.recentAccuracies());
    assertThat(rebuilt.recentAccuracies()).containsExactly(0.90, 0.85);
    assertThat(rebuilt.servable(0.70, true)).as("0.20 below the carried-over best").isFalse();
    assertThat(original.servable(0.70, true)).isFalse();
    assertThat(new QualityGate(0.10, 1, original.recentAccuracies()).recentAccuracies())
        .as("only as many as the gate looks back over").containsExactly(0.70);
  }
}
