package io.sentiflow.learner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentiflow.learner.AirlineData;
import io.sentiflow.learner.model.LabelledIds;
import io.sentiflow.learner.optim.OptimizerKind;
import io.sentiflow.schemas.text.FeaturizerSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class LearnerThroughputTest {

  @Test
  void measuresTimedPassesOverPreHashedExamples() {
    List<LabelledIds> examples = LearnerThroughput.hash(AirlineData.texts().subList(0, 600), FeaturizerSpec.defaults());
    LearnerThroughput.Result result =
        new LearnerThroughput("cpu", 1, OptimizerKind.ADAGRAD, 0.2).measure(examples, 256, 20, 32, 2);

    assertThat(result.examples()).isEqualTo(1200);
    assertThat(result.examplesPerSecond()).isPositive();
    assertThat(result.meanTouchedRows()).as("distinct ids per batch of 256 tweets").isBetween(500.0, 256 * 60.0);
    assertThat(result.toJson()).contains("\"batch_size\":256", "\"bucket_bits\":20", "\"dimension\":32");
  }
}
