package io.sentiflow.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentiflow.avro.Sentiment;
import io.sentiflow.ingest.replay.ColumnMapping;
import io.sentiflow.ingest.replay.DatasetFormat;
import io.sentiflow.ingest.replay.DatasetPreset;
import io.sentiflow.ingest.replay.DatasetSpec;
import io.sentiflow.ingest.replay.ReplayConfig;
import io.sentiflow.ingest.replay.TimeFormat;
import io.sentiflow.ops.Sentiflow;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

/** {@code evaluate} maps its files as {@code replay} does: a preset, or --columns, --labels and --time-format. */
class EvaluateMappingTest {

  private static final Path TRAIN = Path.of("train.csv");

  private static EvaluateCommand parse(String... options) {
    String[] args = new String[options.length + 5];
    args[0] = "evaluate";
    args[1] = "--train";
    args[2] = TRAIN.toString();
    args[3] = "--test";
    args[4] = "test.csv";
    System.arraycopy(options, 0, args, 5, options.length);
    return (EvaluateCommand) Sentiflow.commandLine().parseArgs(args).subcommand().commandSpec().userObject();
  }

  @Test
  void aPresetIsThePresetsMappingAppliedToTheGivenFile() {
    DatasetSpec preset = DatasetPreset.SEMEVAL.spec(ReplayConfig.defaultDataDir());

    assertThat(parse("--preset", "semeval").spec(TRAIN)).isEqualTo(preset.withPath(TRAIN));
  }

  @Test
  void withoutAPresetOrColumnsTheAirlineMappingIsUsed() {
    assertThat(parse().spec(TRAIN).columns()).isEqualTo(DatasetPreset.AIRLINE.spec(Path.of(".")).columns());
  }

  @Test
  void columnsLabelsAndTimeFormatMapAnyFile() {
    Path file = Path.of("reviews.jsonl.gz");

    DatasetSpec spec = parse("--columns", "text=body,label=y,time=ts", "--labels", "1=positive,0=negative",
        "--time-format", "epoch-seconds").spec(file);

    assertThat(spec.path()).isEqualTo(file);
    assertThat(spec.format()).isEqualTo(DatasetFormat.JSONL);
    assertThat(spec.columns()).isEqualTo(new ColumnMapping(null, "body", null, null, "ts", "y", null));
    assertThat(spec.labels().sentimentOf("1")).isEqualTo(Optional.of(Sentiment.POSITIVE));
    assertThat(spec.labels().values()).containsOnlyKeys("1", "0");
    assertThat(spec.timeFormat()).isEqualTo(TimeFormat.of("epoch-seconds"));
    assertThat(spec.sortByEventTime()).isTrue();
  }

  @Test
  void columnsWithoutLabelsOrTimeFormatTakeTheReplayDefaults() {
    DatasetSpec spec = parse("--columns", "text=body,label=y").spec(TRAIN);

    assertThat(spec.labels().values()).containsOnlyKeys("negative", "neutral", "positive");
    assertThat(spec.timeFormat()).isEqualTo(TimeFormat.ISO);
  }

  @Test
  void conflictingOrIncompleteMappingsAreRefused() {
    assertThatThrownBy(() -> parse("--preset", "imdb").spec(TRAIN)).hasMessageContaining("unknown dataset preset");
    assertThatThrownBy(() -> parse("--preset", "airline", "--columns", "text=body").spec(TRAIN))
        .isInstanceOf(ParameterException.class).hasMessageContaining("not both");
    assertThatThrownBy(() -> parse("--labels", "1=positive").spec(TRAIN))
        .isInstanceOf(ParameterException.class).hasMessageContaining("go with --columns");
    assertThatThrownBy(() -> parse("--columns", "label=y").spec(TRAIN)).hasMessageContaining("text=COLUMN");
    assertThatThrownBy(() -> parse("--columns", "text=body,mood=y").spec(TRAIN)).hasMessageContaining("FIELD");
  }

  @Test
  void aPresetOnlyReadsFilesOfItsOwnFormat() {
    assertThatThrownBy(() -> parse("--preset", "airline").spec(Path.of("tweets.jsonl")))
        .isInstanceOf(ParameterException.class).hasMessageContaining("map it with --columns");
    assertThatThrownBy(() -> parse("--preset", "tweeteval-validation").spec(Path.of("train_text.txt")))
        .isInstanceOf(ParameterException.class).hasMessageContaining("map it with --columns");
  }
}
