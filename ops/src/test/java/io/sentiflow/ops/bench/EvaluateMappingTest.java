package io.sentiflow.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentiflow.avro.Sentiment;
import io.sentiflow.learner.evaluate.CsvMapping;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluateMappingTest {

  @Test
  void presetAloneIsThePresetsMapping() {
    assertThat(EvaluateCommand.mapping("semeval", Map.of(), null)).isEqualTo(CsvMapping.semEval());
  }

  @Test
  void columnsAndLabelsOverrideThePreset() {
    CsvMapping mapping = EvaluateCommand.mapping("airline",
        Map.of("text", "body", "time", "", "label", "y"), Map.of("1", Sentiment.POSITIVE, "0", Sentiment.NEGATIVE));

    assertThat(mapping.textColumn()).isEqualTo("body");
    assertThat(mapping.labelColumn()).isEqualTo("y");
    assertThat(mapping.timeColumn()).isNull();
    assertThat(mapping.labels()).containsOnlyKeys("1", "0");
  }

  @Test
  void epochMillisMeansNoTimePattern() {
    assertThat(EvaluateCommand.mapping("airline", Map.of("time", "ts", "time-format", "epoch-millis"), null)
        .timeFormat()).isNull();
  }

  @Test
  void unknownPresetOrColumnKeyIsRefused() {
    assertThatThrownBy(() -> EvaluateCommand.mapping("imdb", Map.of(), null))
        .hasMessageContaining("unknown preset");
    assertThatThrownBy(() -> EvaluateCommand.mapping("airline", Map.of("author", "x"), null))
        .hasMessageContaining("unknown --columns key");
  }
}
