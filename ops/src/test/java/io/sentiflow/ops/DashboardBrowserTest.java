package io.sentiflow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sentiflow.features.FeatureJobConfig;
import io.sentiflow.ingest.IngestProducers;
import io.sentiflow.ingest.replay.DatasetPreset;
import io.sentiflow.ingest.replay.DatasetReplay;
import io.sentiflow.ingest.replay.Pacing;
import io.sentiflow.ingest.replay.ReplayConfig;
import io.sentiflow.ingest.replay.ReplayListener;
import io.sentiflow.ingest.replay.ReplayResult;
import io.sentiflow.learner.LearnerConfig;
import io.sentiflow.ops.dashboard.DashboardServer;
import io.sentiflow.scorer.ScorerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard of a running demo in a real browser: the embedded runtime and its dashboard, as
 * {@code sentiflow demo} starts them, while the airline tweets replay at a steady pace; headless
 * Debian Chromium driven by Playwright core runs {@code src/test/browser/dashboard.spec.mjs} against
 * it and saves {@code target/dashboard.png}. Chromium, Node and npm must be installed; without them
 * the test fails and says what is missing.
 */
class DashboardBrowserTest {

  private static final Logger LOG = LoggerFactory.getLogger(DashboardBrowserTest.class);
  /** Slow enough that counts and model versions still move while the browser watches, for up to 100 s. */
  private static final int COMMENTS = 2_000;
  private static final double COMMENTS_PER_SECOND = 20;
  private static final Path CHROMIUM = Path.of(System.getProperty("sentiflow.chromium", "/usr/bin/chromium"));
  private static final Path SCRIPT_SOURCE = Path.of("src/test/browser");
  private static final Path WORK = Path.of("target/browser-test");
  private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration BROWSER_TIMEOUT = Duration.ofMinutes(2);

  /** Kafka Streams state of this run's scorer alone, as in the end-to-end test. */
  @TempDir
  Path scorerState;

  @Test
  void liveValuesChangeAndTheTryItBoxScores() throws Exception {
    requireTool(Files.isExecutable(CHROMIUM), "Chromium at " + CHROMIUM);
    requireTool(commandWorks("node", "--version"), "node on the PATH");
    installPlaywright();
    Path dataDir = Path.of(System.getProperty("sentiflow.data.dir"));
    ReplayConfig replay = ReplayConfig.preset(DatasetPreset.AIRLINE, dataDir)
        .withMaxComments(COMMENTS)
        .withPacing(new Pacing.FixedRate(COMMENTS_PER_SECOND));
    assertThat(replay.dataset().path()).as("the airline tweets (sentiflow.data.dir)").isRegularFile();

    try (EmbeddedRuntime runtime = EmbeddedRuntime.start(LearnerConfig.defaults(),
            ScorerConfig.forReplays().withStateDir(scorerState), FeatureJobConfig.defaults(), new SimpleMeterRegistry());
        DashboardServer dashboard = runtime.dashboard(0);
        // The test's own, so it is closed after the replay stops rather than by the interrupted replay thread.
        KafkaProducer<byte[], byte[]> producer = IngestProducers.create(runtime.kafka(), "dashboard-test-replay")) {
      int port = dashboard.start();
      FutureTask<ReplayResult> replaying = new FutureTask<>(
          () -> DatasetReplay.run(producer, replay, ReplayListener.none(), new SimpleMeterRegistry()));
      Thread replayThread = new Thread(replaying, "dashboard-test-replay");
      replayThread.start();
      try {
        Path screenshot = Path.of("target/dashboard.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        ProcessResult run = runProcess(WORK, BROWSER_TIMEOUT, Map.of(
            "DASHBOARD_URL", "http://localhost:" + port + "/",
            "SCREENSHOT", screenshot.toString(),
            "CHROMIUM", CHROMIUM.toString()), "node", "dashboard.spec.mjs");
        if (replaying.isDone()) {
          replaying.get(); // a failed replay explains a failed browser check better than the browser can
        }
        assertThat(run.exitCode()).as("browser script output:%n%s", run.output()).isZero();
        LOG.info("browser check passed: {}", run.output().strip());
        assertThat(screenshot).isNotEmptyFile();
      } finally {
        replayThread.interrupt();
        replayThread.join(Duration.ofSeconds(30).toMillis());
      }
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
    requireTool(commandWorks("npm", "--version"), "npm on the PATH");
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
