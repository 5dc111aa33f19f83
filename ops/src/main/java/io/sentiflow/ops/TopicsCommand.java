package io.sentiflow.ops;

import io.sentiflow.schemas.kafka.TopicProvisioner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Creates or describes Sentiflow's topics on an existing cluster. */
@Command(name = "topics", mixinStandardHelpOptions = true,
    description = "Create Sentiflow's topics (create) or show them as they are on the cluster (describe).")
final class TopicsCommand implements Callable<Integer> {

  @Parameters(index = "0", description = "create | describe")
  String action;

  @Option(names = "--replication-factor", defaultValue = "1",
      description = "Replicas per partition when creating (default: ${DEFAULT-VALUE}).")
  short replicationFactor;

  @Option(names = "--unlimited-retention",
      description = "Keep records of any age. Retention counts from record timestamps, which are event times: "
          + "topics that will receive a replay of history older than their retention (3 to 30 days) need this.")
  boolean unlimitedRetention;

  @Mixin
  KafkaOptions kafka = new KafkaOptions();

  @Override
  public Integer call() {
    switch (action) {
      case "create" -> {
        var created = TopicProvisioner.createMissing(kafka.clientProperties(), replicationFactor,
            unlimitedRetention);
        System.out.println(created.isEmpty() ? "all topics already exist" : "created " + String.join(", ", created));
      }
      case "describe" -> TopicProvisioner.describe(kafka.clientProperties()).forEach((name, description) ->
          System.out.printf("%-22s partitions=%d replicas=%d%n", name, description.partitions().size(),
              description.partitions().get(0).replicas().size()));
      default -> {
        System.err.println("unknown action '" + action + "': use create or describe");
        return 2;
      }
    }
    return 0;
  }
}
