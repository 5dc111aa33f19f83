package io.sentiflow.ops.dashboard;

import static io.sentiflow.ops.dashboard.DashboardFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentiflow.avro.DriftKind;
import io.sentiflow.ops.dashboard.DashboardConfig.LagTarget;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.Topic;
import io.sentiflow.schemas.model.ModelWeights;
import io.sentiflow.schemas.testing.SharedEmbeddedKafka;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard in a real browser: headless Debian Chromium driven by Playwright core runs
 * {@code src/test/browser/dashboard.spec.mjs} against a dashboard reading a live stream on the
 * embedded broker, and saves {@code target/dashboard.png}. Chromium and Node must be installed
 * (README lists them); without them the test fails and says what is missing.
 */
class DashboardBrowserTest {

  private static final Logger LOG = LoggerFactory.getLogger(DashboardBrowserTest.class);
  private static final String MODEL_ID = "dashboard-browser-test";
  /** Groups of this test's own, so no real scorer or learner sharing the broker is disturbed. */
  private static final String SCORER_GROUP = "browser-test-scorer";
  private static final String LEARNER_GROUP = "browser-test-learner";
  private static final Path CHROMIUM = Path.of(System.getProperty("sentiflow.chromium", "/usr/bin/chromium"));
  private static final Path SCRIPT_SOURCE = Path.of("src/test/browser");
  private static final Path WORK = Path.of("target/browser-test");
  private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration BROWSER_TIMEOUT = Duration.ofMinutes(2);
  private static final String[] THREADS = {"united", "delta", "jetblue"};
  private static final String[] TEXTS = {
      "Thanks for the upgrade, the crew was great",
      "Flight delayed three hours and nobody told us",
      "Is the 6pm to Boston on time?",
      "Worst customer service, bag lost again",
      "Love the new seats, best flight this year",
      "Gate changed twice, now cancelled. Rude agent too",
      "Boarding now, see you in Denver",
      "Awesome landing, thanks to the pilots",
  };

  @Test
  void liveValuesChangeAndTheTryItBoxScores() throws Exception {
    requireTool(Files.isExecutable(CHROMIUM), "Chromium at " + CHROMIUM + " (apt-get install -y chromium)");
    requireTool(commandWorks("node", "--version"), "node on the PATH");
    installPlaywright();

    SharedEmbeddedKafka kafka = SharedEmbeddedKafka.get();
    ModelWeights model = DashboardFixtures.model(MODEL_ID, 0.62);
    DashboardFixtures.publishSnapshot(kafka, model);
    ScheduledExecutorService stream = Executors.newSingleThreadScheduledExecutor();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.clientProperties(),
            new ByteArraySerializer(), new ByteArraySerializer());
        Admin admin = Admin.create(kafka.clientProperties());
        DashboardServer server = new DashboardServer(kafka.clientProperties(),
            DashboardConfig.defaults().withPort(0).withModelId(MODEL_ID)
                .withLagTargets(List.of(new LagTarget(SCORER_GROUP, Topic.FEATURES.topicName()),
                    new LagTarget(LEARNER_GROUP, Topic.TRAINING_EXAMPLES.topicName()))))) {
      int port = server.start();
      LiveStream live = new LiveStream(kafka, producer, admin, model);
      stream.scheduleAtFixedRate(live::tick, 0, 250, TimeUnit.MILLISECONDS);

      Path screenshot = Path.of("target/dashboard.png").toAbsolutePath();
      Files.deleteIfExists(screenshot);
      ProcessResult run = runProcess(WORK, BROWSER_TIMEOUT, Map.of(
          "DASHBOARD_URL", "http://localhost:" + port + "/",
          "SCREENSHOT", screenshot.toString(),
          "CHROMIUM", CHROMIUM.toString()), "node", "dashboard.spec.mjs");
      assertThat(run.exitCode()).as("browser script output:%n%s", run.output()).isZero();
      LOG.info("browser check passed: {}", run.output().strip());
      assertThat(screenshot).isNotEmptyFile();
    } finally {
      stream.shutdownNow();
      stream.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  /** A few comments a second across three threads, with windows, model versions, lag and drift moving. */
  private static final class LiveStream {

    private final SharedEmbeddedKafka kafka;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Admin admin;
    private final ModelWeights model;
    private final AtomicInteger ticks = new AtomicInteger();
    private final Map<TopicPartition, Long> featuresWritten = new HashMap<>();
    private long version;

    LiveStream(SharedEmbeddedKafka kafka, KafkaProducer<byte[], byte[]> producer, Admin admin, ModelWeights model) {
      this.kafka = kafka;
      this.producer = producer;
      this.admin = admin;
      this.model = model;
      this.version = model.version();
    }

    void tick() {
      try {
        int tick = ticks.getAndIncrement();
        long now = System.currentTimeMillis();
        for (int i = 0; i < 3; i++) {
          int n = tick * 3 + i;
          String id = MODEL_ID + "-" + now + "-" + i;
          String thread = THREADS[n % THREADS.length];
          String text = TEXTS[n % TEXTS.length];
          long latency = 20 + (n * 37L) % 160;
          send(Topic.COMMENTS, id, Codecs.COMMENT.encode(DashboardFixtures.comment(id, thread, text, now)));
          send(Topic.SCORES, id, Codecs.SENTIMENT_SCORE.encode(
              DashboardFixtures.score(model, id, thread, text, now, latency)));
          TopicPartition partition = new TopicPartition(Topic.FEATURES.topicName(), n % Topic.FEATURES.partitions());
          producer.send(new ProducerRecord<>(partition.topic(), partition.partition(), utf8(id), utf8(text)));
          featuresWritten.merge(partition, 1L, Long::sum);
        }
        if (tick % 4 == 0) {
          long window = now / 10_000 * 10_000;
          for (int t = 0; t < THREADS.length; t++) {
            double mean = Math.sin(tick / 8.0 + t * 2.1) * 0.7;
            send(Topic.SENTIMENT_BY_THREAD, THREADS[t], Codecs.THREAD_SENTIMENT.encode(
                DashboardFixtures.threadWindow(THREADS[t], window, 10 + tick % 40, mean)));
          }
          commitScorerOffsets(tick);
        }
        if (tick % 6 == 5) {
          version++;
          DashboardFixtures.publishDelta(kafka, MODEL_ID, version,
              DashboardFixtures.metrics(100 + 50 * version, Math.min(0.9, 0.6 + 0.01 * version)));
        }
        if (tick % 20 == 10) {
          String detector = tick % 40 == 10 ? "psi-class-mix" : "page-hinkley-error";
          DriftKind kind = tick % 40 == 10 ? DriftKind.PREDICTION : DriftKind.CONCEPT;
          send(Topic.DRIFT_ALERTS, detector, Codecs.DRIFT_ALERT.encode(
              DashboardFixtures.driftAlert(detector, kind, 0.25 + 0.01 * (tick % 7), version, now)));
        }
        producer.flush();
      } catch (RuntimeException e) {
        // A scheduled task that throws stops; keep streaming and let the browser assertions speak.
        e.printStackTrace();
      }
    }

    /** The scorer group trails what was written to features by a wavering amount. */
    private void commitScorerOffsets(int tick) {
      Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
      long behind = 5 + Math.round(4 * Math.sin(tick / 5.0));
      Map<TopicPartition, Long> ends = endOffsets();
      ends.forEach((partition, end) -> offsets.put(partition, new OffsetAndMetadata(Math.max(0, end - behind))));
      admin.alterConsumerGroupOffsets(SCORER_GROUP, offsets).all().toCompletionStage().toCompletableFuture()
          .orTimeout(5, TimeUnit.SECONDS).join();
    }

    private Map<TopicPartition, Long> endOffsets() {
      Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> request = new HashMap<>();
      featuresWritten.keySet().forEach(p -> request.put(p, org.apache.kafka.clients.admin.OffsetSpec.latest()));
      Map<TopicPartition, Long> ends = new HashMap<>();
      admin.listOffsets(request).all().toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS)
          .join().forEach((p, info) -> ends.put(p, info.offset()));
      return ends;
    }

    private void send(Topic topic, String key, byte[] value) {
      producer.send(new ProducerRecord<>(topic.topicName(), utf8(key), value));
    }
  }

  private static void requireTool(boolean present, String what) {
    if (!present) {
      throw new AssertionError("the browser test needs " + what + " (Debian: apt-get install chromium nodejs npm)");
    }
  }

  /** Installs Playwright core from the committed lock file into target/, once per clean build. */
  private static void installPlaywright() throws IOException, InterruptedException {
    Files.createDirectories(WORK);
    for (String file : List.of("package.json", "package-lock.json", "dashboard.spec.mjs")) {
      Files.copy(SCRIPT_SOURCE.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    if (Files.exists(WORK.resolve("node_modules/playwright-core/package.json"))) {
      return;
    }
    ProcessResult install = runProcess(WORK, NPM_TIMEOUT, Map.of(), "npm", "ci", "--no-audit", "--no-fund");
    assertThat(install.exitCode()).as("npm ci output:%n%s", install.output()).isZero();
  }

  private static boolean commandWorks(String... command) {
    try {
      return runProcess(Path.of("."), Duration.ofSeconds(20), Map.of(), command).exitCode() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  record ProcessResult(int exitCode, String output) {}

  private static ProcessResult runProcess(Path dir, Duration timeout, Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("dashboard-process", ".log");
    try {
      ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command)))
          .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(env);
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        return new ProcessResult(-1, "timed out after " + timeout + "\n" + output);
      }
      return new ProcessResult(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
