package io.sentiflow.learner.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentiflow.learner.AirlineData;
import io.sentiflow.learner.LearnerConfig;
import io.sentiflow.schemas.text.FeaturizerSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineEvaluatorTest {

  @Test
  void streamsTheTrainingSetOnceThenScoresTheTestSetWithTheFinalModel() {
    List<LabelledText> tweets = AirlineData.texts();
    List<LabelledText> train = tweets.subList(0, 4000);
    List<LabelledText> test = tweets.subList(4000, 5000);
    long majority = test.stream().filter(t -> t.label() == 0).count();

    OfflineEvaluator.Report report =
        new OfflineEvaluator(LearnerConfig.defaults(), FeaturizerSpec.defaults()).evaluate(train, test);

    assertThat(report.trainExamples()).isEqualTo(4000);
    assertThat(report.testExamples()).isEqualTo(1000);
    assertThat(report.accuracy()).as("beats always-negative").isGreaterThan(majority / 1000.0);
    assertThat(report.macroF1()).isGreaterThan(0.5);
    assertThat(report.recall()).hasSize(3).doesNotContain(0.0);
    assertThat(report.examplesPerSecond()).isPositive();
    assertThat(report.toJson()).startsWith("{\"train_examples\":4000,").contains("\"macro_recall\":")
        .contains("\"precision\":[").endsWith("}");
  }

  @Test
  void readsTheAirlineFileInTimeOrder() {
    List<LabelledText> tweets = AirlineData.texts();
    assertThat(tweets).hasSize(14_640);
    for (int i = 1; i < tweets.size(); i++) {
      assertThat(tweets.get(i).time()).isGreaterThanOrEqualTo(tweets.get(i - 1).time());
    }
  }
}
