package io.sentiflow.ops;

import io.sentiflow.scorer.DeliveryMode;
import io.sentiflow.scorer.ScorerConfig;
import io.sentiflow.scorer.ScorerService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sentiflow scorer}: one scorer instance; run several to share the partitions of features. */
@Command(name = "scorer", mixinStandardHelpOptions = true,
    description = "Score every comment with the newest model, aggregate per thread, watch for drift.")
final class ScorerCommand implements Callable<Integer> {

  @Mixin
  KafkaOptions kafka = new KafkaOptions();

  @Mixin
  MetricsOptions metrics = new MetricsOptions();

  @Option(names = "--delivery", defaultValue = "low-latency", converter = DeliveryModeConverter.class,
      description = "low-latency (at-least-once, deduplicated by comment id) or exactly-once (default: ${DEFAULT-VALUE}).")
  DeliveryMode delivery;

  @Option(names = "--window", defaultValue = "PT1M",
      description = "Tumbling window of the per-thread aggregates, ISO-8601 (default: ${DEFAULT-VALUE}).")
  Duration window;

  @Option(names = "--grace", defaultValue = "PT30S",
      description = "How late a comment may still join its window (default: ${DEFAULT-VALUE}).")
  Duration grace;

  @Option(names = "--state-dir", description = "Kafka Streams state directory (default: a temporary directory).")
  Path stateDir;

  @Override
  public Integer call() throws Exception {
    ScorerConfig config = ScorerConfig.defaults().withDeliveryMode(delivery).withWindow(window, grace);
    if (stateDir != null) {
      config = config.withStateDir(stateDir);
    }
    ScorerService scorer = new ScorerService(kafka.clientProperties(), config, metrics.startRegistry());
    scorer.start();
    Services.runUntilStopped(scorer);
    return 0;
  }

  /** Takes the delivery mode in its flag form ({@code exactly-once}) or as the constant's name. */
  static final class DeliveryModeConverter implements ITypeConverter<DeliveryMode> {
    @Override
    public DeliveryMode convert(String value) {
      return DeliveryMode.parse(value);
    }
  }
}
