package io.sentiflow.ops.bench;

import io.sentiflow.schemas.kafka.EmbeddedKafkaBroker;
import io.sentiflow.schemas.kafka.TopicProvisioner;
import io.sentiflow.schemas.kafka.TopicReadiness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The Kafka a bench writes to: the cluster named by {@code --bootstrap-servers}, or an in-process
 * broker with every catalogue topic, started for the run and stopped after it.
 */
final class BenchKafka implements AutoCloseable {

  private final EmbeddedKafkaBroker broker;
  private final Properties clientProperties;
  private final List<String> createdTopics = new ArrayList<>();

  private BenchKafka(EmbeddedKafkaBroker broker, Properties clientProperties) {
    this.broker = broker;
    this.clientProperties = clientProperties;
  }

  static BenchKafka connect(String bootstrapServers, Consumer<String> progress) {
    if (bootstrapServers != null && !bootstrapServers.isBlank()) {
      progress.accept("using Kafka at " + bootstrapServers);
      Properties props = new Properties();
      props.put("bootstrap.servers", bootstrapServers);
      return new BenchKafka(null, props);
    }
    progress.accept("starting an embedded Kafka broker");
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
    try {
      TopicProvisioner.createMissing(broker.bootstrapServers());
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
    progress.accept("embedded Kafka broker at " + broker.bootstrapServers());
    return new BenchKafka(broker, broker.clientProperties());
  }

  /** A copy, so callers may add their own settings. */
  Properties clientProperties() {
    Properties copy = new Properties();
    copy.putAll(clientProperties);
    return copy;
  }

  /**
   * Creates fresh topics named {@code bench-<run>-<name>} (the cluster's default replication), so a
   * run never reads what an earlier one or a live pipeline wrote; returns their names in order.
   * They keep records of any age, since the datasets' timestamps are years old, and are deleted
   * when the bench closes.
   */
  List<String> freshTopics(int partitions, String... names) throws ExecutionException, InterruptedException {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> topics = Arrays.stream(names).map(n -> "bench-" + run + "-" + n).toList();
    try (Admin admin = Admin.create(clientProperties)) {
      admin.createTopics(topics.stream()
          .map(t -> new NewTopic(t, Optional.of(partitions), Optional.empty())
              .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"))).toList()).all().get();
    }
    createdTopics.addAll(topics);
    if (!TopicReadiness.await(clientProperties, topics, Duration.ofSeconds(30))) {
      throw new IllegalStateException("benchmark topics " + topics + " have no serving leaders after 30 s");
    }
    return topics;
  }

  @Override
  public void close() {
    if (broker != null) {
      broker.close();
      return;
    }
    try (Admin admin = Admin.create(clientProperties)) {
      admin.deleteTopics(createdTopics).all().get();
    } catch (ExecutionException e) {
      System.err.println("[bench] could not delete the bench topics " + createdTopics + ": " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
