package io.sentiflow.ops;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Option;

/** A Prometheus scrape endpoint ({@code GET /metrics}) over the service's Micrometer registry. */
final class MetricsOptions {

  @Option(names = "--metrics-port", defaultValue = "9400",
      description = "Port of the Prometheus endpoint /metrics; -1 turns it off (default: ${DEFAULT-VALUE}).")
  int metricsPort;

  /** A registry with JVM metrics bound, served on the metrics port unless that is off. */
  PrometheusMeterRegistry startRegistry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    if (metricsPort >= 0) {
      serve(registry, metricsPort);
    }
    return registry;
  }

  private static void serve(PrometheusMeterRegistry registry, int port) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
      server.createContext("/metrics", exchange -> {
        byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      });
      server.setExecutor(null);
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "metrics-shutdown"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve metrics on port " + port, e);
    }
  }
}
