package io.sentiflow.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sentiflow.features.FeatureJobConfig;
import io.sentiflow.ingest.replay.DatasetPreset;
import io.sentiflow.ingest.replay.DatasetReplay;
import io.sentiflow.ingest.replay.DatasetSpec;
import io.sentiflow.ingest.replay.LabelDelay;
import io.sentiflow.ingest.replay.Pacing;
import io.sentiflow.ingest.replay.ReplayConfig;
import io.sentiflow.ingest.replay.ReplayResult;
import io.sentiflow.learner.LearnerConfig;
import io.sentiflow.learner.LearnerStatus;
import io.sentiflow.ops.dashboard.DashboardServer;
import io.sentiflow.schemas.Topic;
import io.sentiflow.scorer.ScorerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sentiflow demo}: the whole system in one JVM on real data. Replays the airline tweets with
 * late labels through a real broker, Flink job, learner and scorer, shows progress on one line and
 * ends with a one-line JSON summary.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run Sentiflow embedded (Kafka, Flink, learner, scorer in one JVM) on the airline tweets.")
final class DemoCommand implements Callable<Integer> {

  @Option(names = "--data", description = "The airline tweets file "
      + "(default: $SENTIFLOW_HOME/../shared/data/" + "twitter-us-airline-sentiment/Tweets.csv.gz).")
  Path data;

  @Option(names = "--label-delay-mean", defaultValue = "30",
      description = "Mean event-time delay of a label after its comment, seconds, exponential (default: ${DEFAULT-VALUE}).")
  double labelDelayMeanSeconds;

  @Option(names = "--labelled-fraction", defaultValue = "1.0",
      description = "Share of comments whose label ever arrives (default: ${DEFAULT-VALUE}).")
  double labelledFraction;

  @Option(names = "--max-comments", defaultValue = "0",
      description = "Replay only the earliest N comments; 0 replays all (default: ${DEFAULT-VALUE}).")
  long maxComments;

  @Option(names = "--pacing", defaultValue = "max",
      description = "max (as fast as possible), rate:N comments per second, or speedup:F of real time; "
          + "rate:50 leaves time to watch the dashboard (default: ${DEFAULT-VALUE}).")
  String pacing;

  @Option(names = "--dashboard-port", defaultValue = "8080",
      description = "Port of the live dashboard; 0 picks a free one, -1 starts none (default: ${DEFAULT-VALUE}).")
  int dashboardPort;

  @Option(names = "--keep-running", defaultValue = "false",
      description = "After the summary, keep everything (and the dashboard) running until Ctrl-C (default: ${DEFAULT-VALUE}).")
  boolean keepRunning;

  @Option(names = "--timeout", defaultValue = "PT15M",
      description = "Give up if the run has not finished after this long, ISO-8601 (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  public Integer call() throws Exception {
    DatasetSpec airline = DatasetPreset.AIRLINE.spec(defaultDataDir());
    Path dataFile = data != null ? data : airline.path();
    if (!Files.isRegularFile(dataFile)) {
      System.err.println("sentiflow demo: no dataset at " + dataFile.toAbsolutePath());
      System.err.println("  Put the shared data beside the repository (../shared/data) or pass "
          + "--data /path/to/Tweets.csv.gz");
      return 2;
    }
    ReplayConfig replay = ReplayConfig.of(airline.withPath(dataFile))
        .withLabelDelay(new LabelDelay.Exponential(Duration.ofMillis(Math.round(labelDelayMeanSeconds * 1000))))
        .withLabelledFraction(labelledFraction)
        .withMaxComments(maxComments)
        .withPacing(Pacing.parse(pacing));
    MeterRegistry registry = new SimpleMeterRegistry();
    long started = System.nanoTime();
    System.err.println("sentiflow demo: starting Kafka, the learner, the scorer and the Flink feature job...");
    try (Services.StopSignal stop = new Services.StopSignal();
        EmbeddedRuntime runtime = EmbeddedRuntime.start(LearnerConfig.defaults(), ScorerConfig.forReplays(),
            FeatureJobConfig.defaults(), registry);
        ScoreTally scores = new ScoreTally(runtime.kafka(), Topic.SCORES.topicName());
        AutoCloseable dashboard = startDashboard(runtime)) {
      System.err.println("sentiflow demo: Kafka at " + runtime.bootstrapServers() + "; replaying " + dataFile);
      ProgressLine progress = new ProgressLine(System.err);
      CompletableFuture<ReplayResult> replayed = CompletableFuture.supplyAsync(() ->
          DatasetReplay.run(runtime.kafka(), replay, (comments, labels) -> progress.commentsIn(comments)));
      RunOutcome outcome = awaitCompletion(runtime, scores, replayed, progress, started, stop);
      progress.finish();
      System.out.println(new ObjectMapper().writeValueAsString(summary(outcome, started)));
      if (keepRunning) {
        System.err.println("sentiflow demo: still running; Ctrl-C stops it");
        stop.await();
      }
      return outcome.complete() ? 0 : 1;
    }
  }


  private AutoCloseable startDashboard(EmbeddedRuntime runtime) {
    if (dashboardPort < 0) {
      return () -> { };
    }
    DashboardServer dashboard = runtime.dashboard(dashboardPort);
    int port = dashboard.start();
    System.err.println("sentiflow demo: dashboard at http://localhost:" + port + "/");
    return dashboard;
  }

  private RunOutcome awaitCompletion(EmbeddedRuntime runtime, ScoreTally scores,
      CompletableFuture<ReplayResult> replayed, ProgressLine progress, long started, Services.StopSignal stop)
      throws Exception {
    long deadline = started + timeout.toNanos();
    long lastTrained = -1;
    long stalledSince = System.nanoTime();
    while (true) {
      LearnerStatus learner = runtime.learner().status();
      progress.update(scores.distinctKeys(), learner);
      if (replayed.isDone()) {
        ReplayResult result = replayed.join();
        boolean allScored = scores.distinctKeys() >= result.distinctCommentIds();
        boolean allTrained = learner.trainedExamples() >= result.labelsSent();
        if (learner.trainedExamples() != lastTrained) {
          lastTrained = learner.trainedExamples();
          stalledSince = System.nanoTime();
        }
        boolean trainingIdle = System.nanoTime() - stalledSince > Duration.ofSeconds(20).toNanos();
        if (allScored && (allTrained || trainingIdle)) {
          Thread.sleep(2 * LearnerConfig.defaults().publishIntervalMs()); // let the last version out
          return new RunOutcome(result, scores.distinctKeys(), scores.records(), runtime.learner().status(),
              allTrained);
        }
      }
      if (System.nanoTime() > deadline || stop.requested()) {
        ReplayResult result = replayed.isDone() ? replayed.join() : new ReplayResult(0, 0, 0, 0, 0, 0);
        System.err.println(stop.requested() ? "\nsentiflow demo: stopping" : "\nsentiflow demo: timed out after " + timeout);
        return new RunOutcome(result, scores.distinctKeys(), scores.records(), learner, false);
      }
      Thread.sleep(250);
    }
  }

  private static Map<String, Object> summary(RunOutcome outcome, long started) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("comments", outcome.replay().distinctCommentIds());
    summary.put("scored", outcome.distinctScored());
    summary.put("trained", outcome.learner().trainedExamples());
    summary.put("model_version", outcome.learner().modelVersion());
    summary.put("prequential_accuracy", round(outcome.learner().prequentialAccuracy()));
    summary.put("macro_f1", round(outcome.learner().macroF1()));
    summary.put("rows_read", outcome.replay().rowsRead());
    summary.put("labels", outcome.replay().labelsSent());
    summary.put("score_records", outcome.scoreRecords());
    summary.put("device", outcome.learner().device());
    summary.put("seconds", round((System.nanoTime() - started) / 1e9));
    return summary;
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }

  private static Path defaultDataDir() {
    String home = System.getenv("SENTIFLOW_HOME");
    return home != null ? Path.of(home).resolve("../shared/data").normalize() : ReplayConfig.defaultDataDir();
  }

  /** How a demo run ended. */
  record RunOutcome(ReplayResult replay, long distinctScored, long scoreRecords, LearnerStatus learner,
      boolean allTrained) {

    boolean complete() {
      return distinctScored == replay.distinctCommentIds() && scoreRecords == distinctScored && allTrained;
    }
  }
}
