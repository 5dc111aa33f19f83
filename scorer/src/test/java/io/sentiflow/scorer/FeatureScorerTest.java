package io.sentiflow.scorer;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentiflow.avro.TermContribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FeatureScorerTest {

  private final Random random = new Random(6);

  @Test
  void theLargestKAreTheHeadOfAStableDescendingSort() {
    for (int trial = 0; trial < 2_000; trial++) {
      int count = random.nextInt(40);
      float[] values = new float[count + random.nextInt(3)];
      for (int i = 0; i < values.length; i++) {
        // few distinct values, so ties are common; both zeros, which rank apart
        values[i] = random.nextInt(4) == 0 ? (random.nextBoolean() ? 0f : -0f) : random.nextInt(9) - 4;
      }
      int k = random.nextInt(8);

      int[] sorted = IntStream.range(0, count).boxed()
          .sorted(Comparator.comparingDouble((Integer i) -> values[i]).reversed())
          .mapToInt(Integer::intValue).toArray();
      assertThat(FeatureScorer.largestFirst(values, count, k))
          .containsExactly(Arrays.copyOf(sorted, Math.min(k, count)));
    }
  }

  @Test
  void anExplanationNamesTheSameTermsAsSummingAndSortingThemAll() {
    List<String> vocabulary = List.of("good", "bad", "late", "thanks", "delayed", "crew", "seat", "!");
    for (int trial = 0; trial < 2_000; trial++) {
      int n = random.nextInt(30);
      List<String> terms = new ArrayList<>();
      float[] contributions = new float[n];
      for (int i = 0; i < n; i++) {
        terms.add(vocabulary.get(random.nextInt(vocabulary.size())));
        contributions[i] = random.nextInt(3) == 0 ? 0f : (random.nextInt(13) - 6) / 4f;
      }
      int topK = random.nextInt(7);

      assertThat(FeatureScorer.explain(terms, contributions, topK))
          .isEqualTo(summedAndFullySorted(terms, contributions, topK));
    }
  }

  @Test
  void aTermSeenTwiceAddsUpAndUnweightedTermsAreLeftOut() {
    List<TermContribution> explanation = FeatureScorer.explain(List.of("late", "crew", "late", "seat"),
        new float[] {0.5f, 0.75f, 0.5f, 0f}, 5);

    assertThat(explanation).containsExactly(new TermContribution("late", 1f), new TermContribution("crew", 0.75f));
  }

  /** Every weighted term summed, all sorted by weight (stable, descending), then the first topK. */
  private static List<TermContribution> summedAndFullySorted(List<String> terms, float[] contributions,
      int topK) {
    Map<String, Float> byTerm = new LinkedHashMap<>();
    for (int i = 0; i < contributions.length; i++) {
      if (contributions[i] != 0f) {
        byTerm.merge(terms.get(i), contributions[i], Float::sum);
      }
    }
    List<TermContribution> ranked = new ArrayList<>();
    byTerm.forEach((term, weight) -> ranked.add(new TermContribution(term, weight)));
    ranked.sort(Comparator.comparingDouble((TermContribution t) -> t.getWeight()).reversed());
    return ranked.subList(0, Math.min(topK, ranked.size()));
  }
}
