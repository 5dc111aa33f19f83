package io.sentiflow.ops.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentiflow.ops.dashboard.DashboardSnapshot.Term;
import io.sentiflow.schemas.model.ModelWeights;
import io.sentiflow.schemas.text.FeaturizerSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TryItScorerTest {

  @Test
  void explanationsAddRepeatedTermsAndKeepOnlyThoseForTheClass() {
    assertThat(TryItScorer.topTerms(new String[] {"great", "delay", "great", "ok"}, new float[] {0.5f, -1f, 0.25f, 0f}))
        .containsExactly(new Term("great", 0.75f));
  }

  @Test
  void explanationsListTheStrongestTermsFirstUpToALimit() {
    String[] terms = {"a", "b", "c", "d", "e", "f", "g"};
    float[] weights = {0.1f, 0.7f, 0.3f, 0.9f, 0.2f, 0.5f, 0.4f};
    assertThat(TryItScorer.topTerms(terms, weights)).extracting(Term::term).containsExactly("d", "b", "f", "g", "c");
  }

  @Test
  void scoresWithTheModelAndNamesItsVersion() {
    TryItScorer.Result result = new TryItScorer().score(DashboardFixtures.model("m", 0.7), "worst flight, bag lost");
    assertThat(result.sentiment()).isEqualTo("NEGATIVE");
    assertThat(result.modelVersion()).isEqualTo(1);
    assertThat(result.probabilities()).hasSize(3);
    assertThat(result.explanation()).extracting(Term::term).containsExactlyInAnyOrder("worst", "lost");
  }

  @Test
  void refusesAModelTrainedWithAnotherFeaturizerSpec() {
    ModelWeights foreign = ModelWeights.initial("m", 3, DashboardFixtures.SHAPE, FeaturizerSpec.defaults().hash() + 1,
        DashboardFixtures.DENSE, DashboardFixtures.BIAS, 0).next(4, Map.of(), DashboardFixtures.DENSE,
        DashboardFixtures.BIAS, true, null, 0);
    assertThatThrownBy(() -> new TryItScorer().score(foreign, "great"))
        .isInstanceOf(TryItScorer.SpecMismatchException.class)
        .hasMessageContaining("m v4");
  }
}
