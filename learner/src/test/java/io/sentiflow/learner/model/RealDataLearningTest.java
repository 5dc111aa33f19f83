package io.sentiflow.learner.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import io.sentiflow.learner.AirlineData;
import io.sentiflow.learner.LearnerConfig;
import io.sentiflow.learner.bench.LearnerThroughput;
import io.sentiflow.learner.metrics.PrequentialWindow;
import io.sentiflow.learner.optim.LearningRateSchedule;
import io.sentiflow.schemas.text.FeaturizerSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Test-then-train on real airline tweets in time order, with the service's default settings. */
class RealDataLearningTest {

  private static final int EXAMPLES = 6000;
  private static final int WINDOW = 1000;
  private static final double MAJORITY_SHARE = 0.627;

  @Test
  void prequentialAccuracyRisesFromTheFirstWindowToTheLast() {
    LearnerConfig config = LearnerConfig.defaults();
    List<LabelledIds> stream =
        LearnerThroughput.hash(AirlineData.texts().subList(0, EXAMPLES), FeaturizerSpec.defaults());
    PrequentialWindow first = new PrequentialWindow(WINDOW, LearnerConfig.CLASSES);
    PrequentialWindow latest = new PrequentialWindow(WINDOW, LearnerConfig.CLASSES);
    LearningRateSchedule schedule = config.schedule();

    try (OnlineModel model = new OnlineModel(OnlineModel.initialWeights("airline", config.shape(),
        config.specHash(), config.seed(), 0L), config.optimizer().create(), (float) config.l2(), Device.cpu())) {
      int seen = 0;
      for (int from = 0; from < stream.size(); from += config.batchSize()) {
        List<LabelledIds> batch = stream.subList(from, Math.min(stream.size(), from + config.batchSize()));
        OnlineModel.StepOutcome outcome = model.learn(batch, schedule.at(seen));
        for (int i = 0; i < batch.size(); i++, seen++) {
          if (seen < WINDOW) {
            first.add(batch.get(i).label(), outcome.probabilities()[i]);
          }
          latest.add(batch.get(i).label(), outcome.probabilities()[i]);
        }
      }
    }

    assertThat(latest.accuracy()).as("last window vs first window (%.3f)", first.accuracy())
        .isGreaterThan(first.accuracy() + 0.05)
        .isGreaterThan(MAJORITY_SHARE);
    assertThat(latest.macroF1()).isGreaterThan(first.macroF1());
    assertThat(latest.logLoss()).isLessThan(first.logLoss());
  }
}
