package io.sentiflow.ops;

import io.sentiflow.ops.dashboard.DashboardConfig;
import io.sentiflow.ops.dashboard.DashboardServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sentiflow dashboard}: the live web dashboard over an existing Kafka cluster. */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
    description = "Serve the live dashboard: sentiment, throughput, latency, lag, model quality, drift, try-it box.")
final class DashboardCommand implements Callable<Integer> {

  @Mixin
  KafkaOptions kafka = new KafkaOptions();

  @Mixin
  MetricsOptions metrics = new MetricsOptions();

  @Option(names = "--port", defaultValue = "8080",
      description = "HTTP port of the dashboard; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--model-id", defaultValue = "sentiment",
      description = "Model followed on the model topics (default: ${DEFAULT-VALUE}).")
  String modelId;

  @Option(names = "--from-earliest", defaultValue = "false",
      description = "Read the topics from their start instead of from now (default: ${DEFAULT-VALUE}).")
  boolean fromEarliest;

  @Override
  public Integer call() throws Exception {
    DashboardConfig config = DashboardConfig.defaults().withPort(port).withModelId(modelId)
        .withFromEarliest(fromEarliest);
    DashboardServer dashboard = new DashboardServer(kafka.clientProperties(), config, metrics.startRegistry());
    int bound = dashboard.start();
    System.out.println("dashboard: http://localhost:" + bound + "/");
    Services.runUntilStopped(dashboard);
    return 0;
  }
}
