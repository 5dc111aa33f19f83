package io.sentiflow.scorer;

import io.sentiflow.avro.DriftAlert;
import io.sentiflow.scorer.drift.DriftConfig;
import io.sentiflow.scorer.drift.DriftMonitors;
import io.sentiflow.scorer.drift.DriftSignal;
import io.sentiflow.scorer.drift.ErrorDriftMonitors;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Streams side of the drift monitors: feed them, publish what fires as {@link DriftAlert}s
 * keyed by detector. Monitors live in memory per task: partitions of {@code features} are random
 * samples of the stream, so each task watches a faithful sample; after a rebalance a task builds
 * a fresh reference.
 */
final class DriftAlertProcessors {

  private static final Logger LOG = LoggerFactory.getLogger(DriftAlertProcessors.class);

  private DriftAlertProcessors() {}

  /** Prediction and data drift over scored comments. */
  static final class OverScores implements Processor<String, ScoreOutcome.Scored, String, DriftAlert> {
    private final DriftConfig config;
    private final ScorerMetrics metrics;
    private DriftMonitors monitors;
    private ProcessorContext<String, DriftAlert> context;

    OverScores(DriftConfig config, ScorerMetrics metrics) {
      this.config = config;
      this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, DriftAlert> context) {
      this.context = context;
      this.monitors = new DriftMonitors(config);
    }

    @Override
    public void process(Record<String, ScoreOutcome.Scored> record) {
      ScoreOutcome.Scored scored = record.value();
      publish(context, metrics, monitors.observe(scored.features(), scored.score(), scored.model()),
          scored.model().version(), record.timestamp());
    }
  }

  /** Concept drift over the served-error stream. */
  static final class OverErrors implements Processor<String, ServedError, String, DriftAlert> {
    private final DriftConfig config;
    private final ScorerMetrics metrics;
    private ErrorDriftMonitors monitors;
    private ProcessorContext<String, DriftAlert> context;

    OverErrors(DriftConfig config, ScorerMetrics metrics) {
      this.config = config;
      this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, DriftAlert> context) {
      this.context = context;
      this.monitors = new ErrorDriftMonitors(config);
    }

    @Override
    public void process(Record<String, ServedError> record) {
      ServedError error = record.value();
      publish(context, metrics, monitors.observe(error.wrong(), error.labelTime()), error.modelVersion(),
          record.timestamp());
    }
  }

  private static void publish(ProcessorContext<String, DriftAlert> context, ScorerMetrics metrics,
      List<DriftSignal> signals, long modelVersion, long timestamp) {
    for (DriftSignal signal : signals) {
      DriftAlert alert = DriftAlert.newBuilder()
          .setDetector(signal.detector())
          .setKind(signal.kind())
          .setStatistic(signal.statistic())
          .setValue(signal.value())
          .setThreshold(signal.threshold())
          .setWindowStart(signal.windowStart())
          .setWindowEnd(signal.windowEnd())
          .setModelVersion(modelVersion)
          .setAlertTime(context.currentSystemTimeMs())
          .build();
      LOG.warn("drift: {} {} = {} (threshold {}) over [{}, {}], model v{}", signal.detector(), signal.statistic(),
          String.format("%.4f", signal.value()), String.format("%.4f", signal.threshold()), signal.windowStart(),
          signal.windowEnd(), modelVersion);
      metrics.driftAlert(signal);
      context.forward(new Record<>(signal.detector(), alert, timestamp));
    }
  }
}
