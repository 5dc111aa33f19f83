package io.sentiflow.ops;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine.Option;

/** A Prometheus scrape endpoint ({@code GET /metrics}) over the service's Micrometer registry. */
final class MetricsOptions {

  @Option(names = "--metrics-port", defaultValue = "9400",
      description = "Port of the Prometheus endpoint /metrics; 0 picks a free one and logs it, -1 turns it off "
          + "(default: ${DEFAULT-VALUE}).")
  int metricsPort;

  private HTTPServer server;

  /** A registry with JVM metrics bound, served on the metrics port unless that is off. */
  PrometheusMeterRegistry startRegistry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    if (metricsPort >= 0) {
      server = serve(registry, metricsPort);
    }
    return registry;
  }

  /** The port /metrics is served on, once started; -1 when off. */
  int servedPort() {
    return server == null ? -1 : server.getPort();
  }

  private static HTTPServer serve(PrometheusMeterRegistry registry, int port) {
    try {
      HTTPServer server = HTTPServer.builder().port(port).registry(registry.getPrometheusRegistry()).buildAndStart();
      System.err.println("sentiflow: Prometheus metrics at http://localhost:" + server.getPort() + "/metrics");
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "metrics-shutdown"));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve metrics on port " + port, e);
    }
  }
}
