package io.sentiflow.ops;

import io.sentiflow.ingest.http.IngestConfig;
import io.sentiflow.ingest.http.IngestServer;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sentiflow ingest}: the HTTP endpoint that validates comments and labels into Kafka. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "HTTP ingest: POST /v1/comments and /v1/labels (JSON or NDJSON), GET /health.")
final class IngestCommand implements Callable<Integer> {

  @Mixin
  KafkaOptions kafka = new KafkaOptions();

  @Mixin
  MetricsOptions metrics = new MetricsOptions();

  @Mixin
  PrivacyOptions privacy = new PrivacyOptions();

  @Option(names = "--port", defaultValue = "8088", description = "HTTP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--token", split = ",",
      description = "Accepted bearer tokens, comma-separated (default: one random token, printed at start).")
  Set<String> tokens;

  @Override
  public Integer call() throws Exception {
    IngestConfig config = IngestConfig.defaults().withPort(port).withPrivacy(privacy.config());
    if (tokens != null && !tokens.isEmpty()) {
      config = config.withBearerTokens(tokens);
    } else {
      System.err.println("sentiflow ingest: no --token given; accepting Bearer " + config.bearerTokens().iterator().next());
    }
    IngestServer server = new IngestServer(kafka.clientProperties(), config, metrics.startRegistry());
    int bound = server.start();
    System.err.println("sentiflow ingest: listening on http://0.0.0.0:" + bound);
    Services.runUntilStopped(server);
    return 0;
  }
}
