package io.sentiflow.schemas.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka cluster in this JVM: one KRaft process acting as broker and controller,
 * listening on loopback at free ports, logging to a temporary directory that {@link #close()}
 * deletes. Used by {@code sentiflow demo} and by every module's integration tests.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

  private final Path logDir;
  private final int brokerPort;
  private final KafkaRaftServer server;

  private EmbeddedKafkaBroker(Path logDir, int brokerPort, KafkaRaftServer server) {
    this.logDir = logDir;
    this.brokerPort = brokerPort;
    this.server = server;
  }

  /** Formats a fresh log directory, starts the node and waits until it answers. */
  public static EmbeddedKafkaBroker start() {
    return start(Map.of());
  }

  /** As {@link #start()}, with broker settings that override the defaults. */
  public static EmbeddedKafkaBroker start(Map<String, String> overrides) {
    try {
      Path logDir = Files.createTempDirectory("sentiflow-kafka-");
      int brokerPort = freePort();
      int controllerPort = freePort();
      Properties props = brokerProperties(logDir, brokerPort, controllerPort);
      props.putAll(overrides);
      format(logDir, props);
      KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
      EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(logDir, brokerPort, server);
      try {
        server.startup();
        broker.awaitReady();
      } catch (RuntimeException e) {
        broker.close(); // a half-started node would hold its ports and log directory
        throw e;
      }
      LOG.info("embedded Kafka ready at {} (logs in {})", broker.bootstrapServers(), logDir);
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded Kafka", e);
    }
  }

  private static Properties brokerProperties(Path logDir, int brokerPort, int controllerPort) {
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("controller.listener.names", "CONTROLLER");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("log.dirs", logDir.toString());
    // One node: every internal topic has a single replica.
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "4");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "4");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("num.partitions", "1");
    props.put("auto.create.topics.enable", "false");
    // Retention counts from record timestamps, which are event times: what runs on a throwaway
    // broker replays history, and would otherwise be deleted at the first retention check.
    props.put("log.retention.ms", "-1");
    props.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
    props.put("log.cleaner.dedupe.buffer.size", String.valueOf(8L * 1024 * 1024));
    props.put("num.network.threads", "2");
    props.put("num.io.threads", "4");
    return props;
  }

  private static void format(Path logDir, Properties props) {
    try {
      new Formatter()
          .setClusterId(Uuid.randomUuid().toString())
          .setNodeId(1)
          .setControllerListenerName("CONTROLLER")
          .setMetadataLogDirectory(logDir.toString())
          .setDirectories(List.of(logDir.toString()))
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("cannot format KRaft storage in " + logDir, e);
    }
  }

  private void awaitReady() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    long deadline = System.nanoTime() + 60_000_000_000L;
    try (Admin admin = Admin.create(props)) {
      while (true) {
        try {
          if (!admin.describeCluster().nodes().get().isEmpty()) {
            return;
          }
        } catch (ExecutionException e) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("embedded Kafka did not become ready", e);
          }
        }
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for embedded Kafka", e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + brokerPort;
  }

  /** Client properties that reach this broker. */
  public Properties clientProperties() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return props;
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
    deleteRecursively(logDir);
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      LOG.warn("could not delete {}: {}", dir, e.getMessage());
    }
  }
}
