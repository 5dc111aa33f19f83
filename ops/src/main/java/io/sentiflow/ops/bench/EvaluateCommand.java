package io.sentiflow.ops.bench;

import io.sentiflow.avro.ModelKind;
import io.sentiflow.avro.Sentiment;
import io.sentiflow.learner.LearnerConfig;
import io.sentiflow.learner.evaluate.CsvMapping;
import io.sentiflow.learner.evaluate.LabelledText;
import io.sentiflow.learner.evaluate.LabelledTextReader;
import io.sentiflow.learner.evaluate.OfflineEvaluator;
import io.sentiflow.schemas.text.FeaturizerSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Offline evaluation of a learner configuration: streams the training file once through the
 * featurizer and learner, in order, test-then-train, then scores the test file with the final model.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Train once over a file (prequential), score another; last stdout line: JSON with accuracy, "
        + "macro-F1, macro-recall, log-loss, per-class precision/recall and examples/s.")
public final class EvaluateCommand implements Callable<Integer> {

  private static final Set<String> COLUMN_KEYS = Set.of("text", "label", "time", "time-format");

  @Option(names = "--train", required = true, description = "Training CSV (.csv or .csv.gz), streamed once.")
  Path train;

  @Option(names = "--test", required = true, description = "Test CSV (.csv or .csv.gz), scored without learning.")
  Path test;

  @Option(names = "--preset", defaultValue = "airline",
      description = "Column mapping of a shipped dataset: airline, sentiment140, semeval (default: ${DEFAULT-VALUE}).")
  String preset;

  @Option(names = "--columns", split = ",",
      description = "Overrides of the preset's columns: text=COL,label=COL,time=COL,time-format=PATTERN "
          + "(time-format: a java.time pattern, iso-8601, or epoch-millis; time= empty keeps file order).")
  Map<String, String> columns = new LinkedHashMap<>();

  @Option(names = "--labels", split = ",",
      description = "Label values to classes, replacing the preset's: VALUE=NEGATIVE|NEUTRAL|POSITIVE,...")
  Map<String, Sentiment> labels;

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
    CsvMapping mapping = mapping(preset, columns, labels);
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
    List<LabelledText> trainTexts = LabelledTextReader.read(train, mapping);
    List<LabelledText> testTexts = LabelledTextReader.read(test, mapping);
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

  /** The preset's mapping with {@code --columns} and {@code --labels} applied. */
  static CsvMapping mapping(String preset, Map<String, String> columns, Map<String, Sentiment> labels) {
    CsvMapping base = switch (preset.toLowerCase(Locale.ROOT)) {
      case "airline" -> CsvMapping.airline();
      case "sentiment140" -> CsvMapping.sentiment140();
      case "semeval" -> CsvMapping.semEval();
      default -> throw new IllegalArgumentException("unknown preset '" + preset
          + "'; known: airline, sentiment140, semeval");
    };
    for (String key : columns.keySet()) {
      if (!COLUMN_KEYS.contains(key)) {
        throw new IllegalArgumentException("unknown --columns key '" + key + "'; known: " + COLUMN_KEYS);
      }
    }
    String time = columns.getOrDefault("time", base.timeColumn());
    String timeFormat = columns.getOrDefault("time-format", base.timeFormat());
    if ("epoch-millis".equals(timeFormat)) {
      timeFormat = null;
    }
    return new CsvMapping(columns.getOrDefault("text", base.textColumn()),
        columns.getOrDefault("label", base.labelColumn()),
        time == null || time.isBlank() ? null : time, timeFormat,
        labels == null || labels.isEmpty() ? base.labels() : Map.copyOf(labels));
  }

  /** Whether to write the Markdown report too. */
  static final class ReportOption {
    @Option(names = "--report", negatable = true, defaultValue = "true", fallbackValue = "true",
        description = "Also write ops/target/bench/evaluate.md (default: ${DEFAULT-VALUE}).")
    boolean enabled = true;
  }
}
