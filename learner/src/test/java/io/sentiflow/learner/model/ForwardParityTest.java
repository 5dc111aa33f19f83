package io.sentiflow.learner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import io.sentiflow.avro.ModelKind;
import io.sentiflow.learner.AirlineData;
import io.sentiflow.learner.LearnerConfig;
import io.sentiflow.learner.bench.LearnerThroughput;
import io.sentiflow.schemas.model.ModelWeights;
import io.sentiflow.schemas.text.FeaturizerSpec;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The DJL forward pass the learner trains with and the scorer's pure-Java one agree on trained weights. */
class ForwardParityTest {

  @ParameterizedTest
  @EnumSource(ModelKind.class)
  void djlAndModelWeightsGiveTheSameProbabilitiesWithin1e5(ModelKind kind) {
    LearnerConfig config = LearnerConfig.defaults().toBuilder().kind(kind).build();
    List<LabelledIds> stream = LearnerThroughput.hash(AirlineData.texts().subList(0, 612), FeaturizerSpec.defaults());
    List<LabelledIds> training = stream.subList(0, 512);
    List<LabelledIds> probe = stream.subList(512, stream.size());

    try (OnlineModel model = new OnlineModel(OnlineModel.initialWeights("parity", config.shape(), 0L, 5L, 0L),
        config.optimizer().create(), (float) config.l2(), Device.cpu())) {
      for (int from = 0; from < training.size(); from += 256) {
        model.learn(training.subList(from, from + 256), 0.2f);
      }
      ModelWeights trained = model.current();
      assertThat(trained.nonZeroBuckets().length).isGreaterThan(500);

      float[][] djl = model.learn(probe, 0.2f).probabilities();
      for (int i = 0; i < probe.size(); i++) {
        float[] java = trained.predict(probe.get(i).ids());
        for (int c = 0; c < java.length; c++) {
          assertThat(djl[i][c]).as("example %d class %d", i, c).isCloseTo(java[c], within(1e-5f));
        }
      }
    }
  }
}
