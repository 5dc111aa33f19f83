package io.sentiflow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentiflow.features.FeatureJob;
import io.sentiflow.features.FeatureJobConfig;
import io.sentiflow.schemas.testing.SharedEmbeddedKafka;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Test;

/** {@code sentiflow features} serves Flink's own metrics through Flink's Prometheus reporter. */
class FlinkMetricsTest {

  @Test
  void theInProcessFeatureJobServesItsOperatorMetricsToPrometheus() throws Exception {
    int port = freePort();
    FeatureJobConfig config = FeatureJobConfig.defaults().withJobId("metrics-test-" + UUID.randomUUID());
    JobClient job = FeatureJob.startLocal(SharedEmbeddedKafka.get().clientProperties(), config, port);
    try {
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest scrape = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build();
      String metrics = "";
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!metrics.contains("flink_taskmanager_job_task_operator_numRecordsIn") && System.nanoTime() < deadline) {
        Thread.sleep(500);
        try {
          metrics = http.send(scrape, HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException notYetListening) {
          // the reporter starts with the MiniCluster; retry until the deadline
        }
      }
      assertThat(metrics).contains("flink_taskmanager_job_task_operator_numRecordsIn")
          .contains("flink_jobmanager_job_lastCheckpointDuration");
    } finally {
      job.cancel().get();
    }
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
