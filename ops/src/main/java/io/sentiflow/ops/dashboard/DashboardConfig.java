package io.sentiflow.ops.dashboard;

import io.sentiflow.schemas.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the dashboard service.
 *
 * @param port HTTP port; 0 picks any free port (default 8080)
 * @param modelId the model to follow on the model topics (default {@code sentiment})
 * @param fromEarliest read the data topics from their start instead of from now (default false)
 * @param pushInterval how often the page receives a fresh snapshot over SSE (default 1 s)
 * @param latencyWindow how far back latency percentiles reach, by score time (default 60 s)
 * @param throughputWindow how far back the scores-per-second rate reaches, by score time (default 10 s)
 * @param historyPoints points kept per chart series; at one per push, 600 is ten minutes (default 600)
 * @param latestComments scored comments listed on the page (default 20)
 * @param commentTexts comment texts remembered to show next to their scores (default 10,000)
 * @param threadsShown threads charted, those with the most comments in the retained windows (default 8)
 * @param threadWindows windows kept per thread (default 60)
 * @param driftAlerts drift alerts kept for the timeline (default 100)
 * @param maxTryItChars longest text the try-it box scores (default 5,000 characters)
 * @param lagInterval how often consumer lag is read from the brokers (default 2 s)
 * @param lagTargets the consumer groups whose lag is charted, and the topic each consumes
 *     (default the scorer on {@code features}, the learner on {@code training-examples})
 */
public record DashboardConfig(int port, String modelId, boolean fromEarliest, Duration pushInterval,
    Duration latencyWindow, Duration throughputWindow, int historyPoints, int latestComments, int commentTexts,
    int threadsShown, int threadWindows, int driftAlerts, int maxTryItChars, Duration lagInterval,
    List<LagTarget> lagTargets) {

  /** A consumer group and the topic whose lag is charted for it. */
  public record LagTarget(String group, String topic) {}

  public DashboardConfig {
    Objects.requireNonNull(modelId, "modelId");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    requirePositive("pushInterval", pushInterval);
    requirePositive("latencyWindow", latencyWindow);
    requirePositive("throughputWindow", throughputWindow);
    requirePositive("lagInterval", lagInterval);
    if (historyPoints < 1 || latestComments < 1 || commentTexts < 1 || threadsShown < 1 || threadWindows < 1
        || driftAlerts < 1 || maxTryItChars < 1) {
      throw new IllegalArgumentException("counts and capacities must be at least 1");
    }
    lagTargets = List.copyOf(lagTargets);
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
    }
  }

  public static DashboardConfig defaults() {
    return new DashboardConfig(8080, "sentiment", false, Duration.ofSeconds(1), Duration.ofSeconds(60),
        Duration.ofSeconds(10), 600, 20, 10_000, 8, 60, 100, 5_000, Duration.ofSeconds(2),
        List.of(new LagTarget("sentiflow-scorer", Topic.FEATURES.topicName()),
            new LagTarget("sentiflow-learner", Topic.TRAINING_EXAMPLES.topicName())));
  }

  public DashboardConfig withPort(int newPort) {
    return new DashboardConfig(newPort, modelId, fromEarliest, pushInterval, latencyWindow, throughputWindow,
        historyPoints, latestComments, commentTexts, threadsShown, threadWindows, driftAlerts, maxTryItChars,
        lagInterval, lagTargets);
  }

  public DashboardConfig withModelId(String newModelId) {
    return new DashboardConfig(port, newModelId, fromEarliest, pushInterval, latencyWindow, throughputWindow,
        historyPoints, latestComments, commentTexts, threadsShown, threadWindows, driftAlerts, maxTryItChars,
        lagInterval, lagTargets);
  }

  public DashboardConfig withFromEarliest(boolean earliest) {
    return new DashboardConfig(port, modelId, earliest, pushInterval, latencyWindow, throughputWindow,
        historyPoints, latestComments, commentTexts, threadsShown, threadWindows, driftAlerts, maxTryItChars,
        lagInterval, lagTargets);
  }

  public DashboardConfig withLagTargets(List<LagTarget> targets) {
    return new DashboardConfig(port, modelId, fromEarliest, pushInterval, latencyWindow, throughputWindow,
        historyPoints, latestComments, commentTexts, threadsShown, threadWindows, driftAlerts, maxTryItChars,
        lagInterval, targets);
  }
}
