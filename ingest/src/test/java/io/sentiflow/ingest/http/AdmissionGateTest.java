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
    gate.kafkaAcknowledged();
    assertThat(gate.tryAdmit(10)).isEqualTo(AdmissionGate.Decision.BUSY);
  }

  @Test
  void ndjsonLinesKeepTheirNumbersAndSkipBlankOnes() {
    byte[] body = "{\"a\":1}\r\n\n  \n{\"b\":2}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThat(BodyLines.ndjson(body)).extracting(BodyLines.Line::number).containsExactly(1, 4);
    assertThat(new String(BodyLines.ndjson(body).get(0).bytes(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("{\"a\":1}");
    assertThat(BodyLines.single(" \n ".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEmpty();
  }
}
