package io.sentiflow.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.sentiflow.features.FeatureJob;
import io.sentiflow.features.FeatureJobConfig;
import io.sentiflow.learner.LearnerConfig;
import io.sentiflow.learner.LearnerService;
import io.sentiflow.ops.dashboard.DashboardConfig;
import io.sentiflow.ops.dashboard.DashboardServer;
import io.sentiflow.schemas.kafka.EmbeddedKafkaBroker;
import io.sentiflow.schemas.kafka.TopicProvisioner;
import io.sentiflow.scorer.ScorerConfig;
import io.sentiflow.scorer.ScorerService;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All of Sentiflow in one JVM: a real KRaft broker on loopback, the learner, the scorer and the
 * Flink feature job on a MiniCluster, wired through real topics exactly as separate services are.
 */
final class EmbeddedRuntime implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRuntime.class);

  private final EmbeddedKafkaBroker broker;
  private final LearnerService learner;
  private final ScorerService scorer;
  private final JobClient featureJob;

  private EmbeddedRuntime(EmbeddedKafkaBroker broker, LearnerService learner, ScorerService scorer,
      JobClient featureJob) {
    this.broker = broker;
    this.learner = learner;
    this.scorer = scorer;
    this.featureJob = featureJob;
  }

  /** Starts the stages in dependency order: broker and topics, learner (publishes v0), scorer, features. */
  static EmbeddedRuntime start(LearnerConfig learnerConfig, ScorerConfig scorerConfig,
      FeatureJobConfig featureConfig, MeterRegistry registry) {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
    LearnerService learner = null;
    ScorerService scorer = null;
    try {
      TopicProvisioner.createMissing(broker.bootstrapServers());
      Properties kafka = broker.clientProperties();
      learner = new LearnerService(kafka, learnerConfig, registry);
      learner.start();
      scorer = new ScorerService(kafka, scorerConfig, registry);
      scorer.start();
      JobClient job = FeatureJob.startLocal(kafka, featureConfig);
      return new EmbeddedRuntime(broker, learner, scorer, job);
    } catch (Exception e) {
      closeQuietly(scorer);
      closeQuietly(learner);
      broker.close();
      throw new IllegalStateException("cannot start the embedded runtime: " + e.getMessage(), e);
    }
  }

  Properties kafka() {
    return broker.clientProperties();
  }

  String bootstrapServers() {
    return broker.bootstrapServers();
  }

  LearnerService learner() {
    return learner;
  }

  ScorerService scorer() {
    return scorer;
  }

  /**
   * The live dashboard over this runtime's topics, not yet started. It reads them from their start,
   * so it shows the whole run however late it opens.
   */
  DashboardServer dashboard(int port) {
    return new DashboardServer(kafka(), DashboardConfig.defaults().withPort(port).withFromEarliest(true));
  }

  @Override
  public void close() {
    try {
      featureJob.cancel().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("feature job did not cancel cleanly: {}", e.toString());
    }
    closeQuietly(scorer);
    closeQuietly(learner);
    broker.close();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      LOG.warn("error while stopping {}: {}", closeable.getClass().getSimpleName(), e.toString());
    }
  }
}
