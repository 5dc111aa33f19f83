package io.sentiflow.scorer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScorerMetricsTest {

  @Test
  void latencyIsScrapedAsHistogramBucketsThatReplicasCanBeSummedOver() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new ScorerMetrics(registry);
    registry.get("sentiflow.scorer.latency").timer().record(Duration.ofMillis(40));

    List<String> buckets = registry.scrape().lines()
        .filter(line -> line.startsWith("sentiflow_scorer_latency_seconds_bucket")).toList();

    assertThat(buckets).hasSizeGreaterThan(10);
    assertThat(buckets).anyMatch(line -> line.contains("le=\"0.001\"") && line.endsWith(" 0"));
    assertThat(buckets).anyMatch(line -> line.contains("le=\"60.0\"") && line.endsWith(" 1"));
    assertThat(buckets).anyMatch(line -> line.contains("le=\"+Inf\"") && line.endsWith(" 1"));
  }
}
