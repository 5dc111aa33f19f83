package io.sentiflow.ops.bench;

import io.sentiflow.avro.ModelKind;
import io.sentiflow.avro.Sentiment;
import io.sentiflow.ingest.replay.DatasetFormat;
import io.sentiflow.ingest.replay.DatasetPreset;
import io.sentiflow.ingest.replay.DatasetRows;
import io.sentiflow.ingest.replay.DatasetSpec;
import io.sentiflow.ingest.replay.ReplayConfig;
import io.sentiflow.learner.LearnerConfig;
import io.sentiflow.learner.evaluate.LabelledText;
import io.sentiflow.learner.evaluate.OfflineEvaluator;
import io.sentiflow.ops.DatasetMappingOptions;
import io.sentiflow.schemas.text.FeaturizerSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Offline evaluation of a learner configuration: streams the training file once through the
 * featurizer and learner, in order, test-then-train, then scores the test file with the final model.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Train once over a file (prequential), score another; last stdout line: JSON with accuracy, "
        + "macro-F1, macro-recall, log-loss, per-class precision/recall and examples/s.")
public final class EvaluateCommand implements Callable<Integer> {

  @Spec
  CommandSpec commandSpec;

  @Option(names = "--train", required = true,
      description = "Training file, streamed once: any .csv or .jsonl/.ndjson, optionally .gz, that replay reads.")
  Path train;

  @Option(names = "--test", required = true, description = "Test file, same kinds, scored without learning.")
  Path test;

  @Mixin
  DatasetMappingOptions mapping = new DatasetMappingOptions();

  @Option(names = "--bucket-bits", description = "log2 of the hashed buckets (default: the featurizer's, 20).")
  Integer bucketBits;

  @Option(names = "--dimension", description = "Embedding dimension (default: the learner's, 16).")
  Integer dimension;

  @Option(names = "--batch-size", description = "Mini-batch size (default: the learner's, 256).")
  Integer batchSize;

  @Option(names = "--kind", description = "EMBEDDING_BAG or LINEAR (default: the learner's, EMBEDDING_BAG).")
  ModelKind kind;

  @Option(names = "--device", description = "cpu, gpu or auto (default: the learner's, auto).")
  String device;

  @Mixin
  ReportOption report = new ReportOption();

  @Override
  public Integer call() throws Exception {
    FeaturizerSpec spec = FeaturizerSpec.defaults();
    if (bucketBits != null) {
      spec = spec.withBucketBits(bucketBits);
    }
    LearnerConfig.Builder builder = LearnerConfig.defaults().toBuilder().bucketBits(spec.bucketBits());
    if (dimension != null) {
      builder.dimension(dimension);
    }
    if (batchSize != null) {
      builder.batchSize(batchSize);
    }
    if (kind != null) {
      builder.kind(kind);
    }
    if (device != null) {
      builder.device(device);
    }
    LearnerConfig config = builder.build();
    List<LabelledText> trainTexts = labelledTexts(train);
    List<LabelledText> testTexts = labelledTexts(test);
    BenchOptions.progress(String.format(Locale.ROOT, "training on %d examples of %s, testing on %d of %s",
        trainTexts.size(), train, testTexts.size(), test));
    OfflineEvaluator.Report result = new OfflineEvaluator(config, spec).evaluate(trainTexts, testTexts);
    JsonLine json = new JsonLine().put("train_file", train.toString()).put("test_file", test.toString())
        .put("kind", config.kind().name()).put("bucket_bits", config.bucketBits())
        .put("dimension", config.dimension()).put("batch_size", config.batchSize())
        .putAll("", result.toJson());
    for (Sentiment s : Sentiment.values()) {
      String name = s.name().toLowerCase(Locale.ROOT);
      json.put("precision_" + name, result.precision()[s.ordinal()], 4)
          .put("recall_" + name, result.recall()[s.ordinal()], 4);
    }
    if (report.enabled) {
      Map<String, String> rows = new LinkedHashMap<>();
      rows.put("prequential accuracy / macro-F1 (train)", String.format(Locale.ROOT, "%.4f / %.4f",
          result.prequentialAccuracy(), result.prequentialMacroF1()));
      rows.put("test accuracy / macro-F1 / macro-recall", String.format(Locale.ROOT, "%.4f / %.4f / %.4f",
          result.accuracy(), result.macroF1(), result.macroRecall()));
      rows.put("test log-loss", String.format(Locale.ROOT, "%.4f", result.logLoss()));
      rows.put("training examples/s (featurizing included)", String.format(Locale.ROOT, "%,.0f",
          result.examplesPerSecond()));
      Path written = new BenchReport("evaluate", "sentiflow evaluate")
          .paragraph(String.format(Locale.ROOT, "Trained once over %s (%d examples), scored %s (%d examples); "
              + "%s model, 2^%d x %d, batch %d.", train, trainTexts.size(), test, testTexts.size(), config.kind(),
              config.bucketBits(), config.dimension(), config.batchSize()))
          .table(rows)
          .chart("quality", "Test figures", "", List.of(
              new BarChart.Bar("accuracy", result.accuracy()),
              new BarChart.Bar("macro-F1", result.macroF1()),
              new BarChart.Bar("macro-recall", result.macroRecall()),
              new BarChart.Bar("prequential accuracy (train)", result.prequentialAccuracy())))
          .write(json);
      BenchOptions.progress("report: " + written);
    }
    System.out.println(json);
    return 0;
  }

  /** The file's labelled rows, read as the replay reads them: valid rows, each id once, in event-time order. */
  private List<LabelledText> labelledTexts(Path file) {
    DatasetRows read = DatasetRows.read(spec(file));
    List<LabelledText> texts = labelledTexts(read);
    BenchOptions.progress(String.format(Locale.ROOT, "%s: %,d rows, %,d labelled, %,d rejected, %,d repeated ids",
        file, read.rowsRead(), texts.size(), read.rejectedRows(), read.duplicateRows()));
    if (texts.isEmpty()) {
      throw new ParameterException(commandSpec.commandLine(), "no labelled rows in " + file
          + "; check the preset or the --columns, --labels and --time-format mapping");
    }
    return texts;
  }

  /** The labelled rows as the learner's input, in their order. */
  static List<LabelledText> labelledTexts(DatasetRows read) {
    return read.labelled().stream()
        .map(row -> new LabelledText(row.text(), row.label().ordinal(), row.eventTime()))
        .toList();
  }

  /** How to read {@code file}: the preset's mapping, or the one given with --columns, as in {@code replay}. */
  DatasetSpec spec(Path file) {
    CommandLine cli = commandSpec.commandLine();
    Optional<DatasetSpec> mapped = mapping.mapped(file, cli);
    if (mapped.isPresent()) {
      return mapped.get();
    }
    DatasetPreset preset = mapping.preset(cli);
    DatasetSpec presetSpec = preset.spec(ReplayConfig.defaultDataDir());
    // A line-pairs preset's labels file is its own, not one beside the file given here.
    if (presetSpec.format() == DatasetFormat.LINE_PAIRS || DatasetFormat.of(file) != presetSpec.format()) {
      throw new ParameterException(cli, "preset " + preset.cliName() + " cannot read " + file
          + "; map it with --columns");
    }
    return presetSpec.withPath(file);
  }

  /** Whether to write the Markdown report too. */
  static final class ReportOption {
    @Option(names = "--report", negatable = true, defaultValue = "true", fallbackValue = "true",
        description = "Also write ops/target/bench/evaluate.md (default: ${DEFAULT-VALUE}).")
    boolean enabled = true;
  }
}
