package io.sentiflow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MetricsOptionsTest {

  @Test
  void servesTheServiceAndJvmMetricsToAPrometheusScrape() throws Exception {
    MetricsOptions options = new MetricsOptions();
    new CommandLine(options).parseArgs("--metrics-port", "0");
    PrometheusMeterRegistry registry = options.startRegistry();
    registry.counter("sentiflow.example.records").increment(3);

    HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + options.servedPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.body()).contains("sentiflow_example_records_total 3.0").contains("jvm_memory_used_bytes");
  }

  @Test
  void minusOneServesNothing() {
    MetricsOptions options = new MetricsOptions();
    new CommandLine(options).parseArgs("--metrics-port", "-1");
    options.startRegistry();
    assertThat(options.servedPort()).isEqualTo(-1);
  }
}
