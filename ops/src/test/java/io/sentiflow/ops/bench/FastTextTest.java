package io.sentiflow.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FastTextTest {

  @Test
  void trainingLineStartsWithTheLabelAndKeepsEachTokenOneWord() {
    assertThat(FastText.trainingLine("NEGATIVE", List.of("not_good", "new york", "", "flight")))
        .isEqualTo("__label__NEGATIVE not_good new_york flight");
  }

  @Test
  void predictionLineHasNoLabel() {
    assertThat(FastText.predictionLine(List.of("late", "again"))).isEqualTo("late again");
    assertThat(FastText.predictionLine(List.of())).isEmpty();
  }

  @Test
  void wordsPerSecondIsTheLastFigureReported() {
    String output = "Read 0M words\rProgress:  40.0% words/sec/thread:  812345 lr:  0.06 avg.loss:  0.9"
        + "\rProgress: 100.0% words/sec/thread: 1234567 lr:  0.000000 avg.loss:  0.5 ETA:   0h 0m 0s\n";

    assertThat(FastText.wordsPerSecondPerThread(output)).isEqualTo(1234567);
    assertThat(FastText.wordsPerSecondPerThread("no progress line")).isNaN();
  }

  @Test
  void predictionsMapLabelsToClassesAndUnknownLinesToTheFallback() {
    Map<String, Integer> classes = Map.of("NEGATIVE", 0, "NEUTRAL", 1, "POSITIVE", 2);

    int[] predicted = FastText.predictions(
        List.of("__label__POSITIVE", "__label__NEUTRAL 0.8", "", "__label__OTHER"), classes, 0);

    assertThat(predicted).containsExactly(2, 1, 0, 0);
  }
}
