package io.sentiflow.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AdmissionGateTest {

  private final AtomicLong now = new AtomicLong();
  private final AdmissionGate gate = new AdmissionGate(10, 1_000, now::get);

  @Test
  void fullGateMeansBusyWhileKafkaIsHealthy() {
    assertThat(gate.tryAdmit(8)).isEqualTo(AdmissionGate.Decision.ADMIT);
    assertThat(gate.tryAdmit(3)).isEqualTo(AdmissionGate.Decision.BUSY);
    gate.release(8);
    assertThat(gate.tryAdmit(10)).isEqualTo(AdmissionGate.Decision.ADMIT);
  }

  @Test
  void afterAKafkaFailureRequestsFailFastUntilTheProbeInterval() {
    gate.kafkaFailed();
    assertThat(gate.tryAdmit(1)).isEqualTo(AdmissionGate.Decision.UNAVAILABLE);
    now.addAndGet(1_000);
    assertThat(gate.tryAdmit(1)).isEqualTo(AdmissionGate.Decision.ADMIT);
    assertThat(gate.tryAdmit(10)).isEqualTo(AdmissionGate.Decision.UNAVAILABLE);
    // One request probes per interval: the next one, with permits to spare, still fails fast.
    assertThat(gate.tryAdmit(1)).isEqualTo(AdmissionGate.Decision.UNAVAILABLE);
    now.addAndGet(999);
    assertThat(gate.tryAdmit(1)).isEqualTo(AdmissionGate.Decision.UNAVAILABLE);
    now.addAndGet(1);
    assertThat(gate.tryAdmit(1)).isEqualTo(AdmissionGate.Decision.ADMIT);
    gate.kafkaAcknowledged();
    assertThat(gate.tryAdmit(10)).isEqualTo(AdmissionGate.Decision.BUSY);
  }
}
