package io.sentiflow.ops.bench;

import io.sentiflow.avro.Sentiment;
import io.sentiflow.learner.LearnerConfig;
import io.sentiflow.learner.bench.LearnerThroughput;
import io.sentiflow.learner.evaluate.LabelledText;
import io.sentiflow.learner.evaluate.OfflineEvaluator;
import io.sentiflow.learner.model.Devices;
import io.sentiflow.learner.model.LabelledIds;
import io.sentiflow.learner.model.OnlineModel;
import io.sentiflow.learner.optim.LearningRateSchedule;
import io.sentiflow.schemas.model.ModelWeights;
import io.sentiflow.schemas.text.Featurizer;
import io.sentiflow.schemas.text.FeaturizerSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The learner against fastText supervised on the same tokens: training throughput on
 * already-hashed examples, and accuracy on the airline tweets in time order (one streaming pass
 * over the first 80 %, the rest scored without learning, against fastText trained for several
 * epochs on the same 80 %).
 *
 * <p>fastText reads the featurizer's word unigrams (the normalised token stream our bigrams are
 * built from) and makes its own bigrams with {@code -wordNgrams 2}, so both learners see the same
 * unigrams and the same adjacent pairs. fastText counts a line's label and end-of-line marker as
 * words, so its examples/s is its words/s/thread divided by the mean of (tokens + 2) per line.
 */
@Command(name = "learner", mixinStandardHelpOptions = true,
    description = "Learner training throughput and accuracy against fastText (last stdout line: JSON).")
public final class BenchLearnerCommand implements Callable<Integer> {

  private static final int FASTTEXT_EXTRA_WORDS_PER_LINE = 2;

  @Mixin
  BenchOptions options = new BenchOptions();

  @Option(names = "--bucket-bits", defaultValue = "20", description = "log2 of the hashed buckets (default: ${DEFAULT-VALUE}).")
  int bucketBits;

  @Option(names = "--dimension", defaultValue = "32", description = "Embedding dimension (default: ${DEFAULT-VALUE}).")
  int dimension;

  @Option(names = "--batch-sizes", split = ",", defaultValue = "256,1024",
      description = "Mini-batch sizes whose throughput is measured (default: ${DEFAULT-VALUE}).")
  int[] batchSizes;

  @Option(names = "--passes", defaultValue = "3",
      description = "Timed passes over the examples per throughput run, after one warm-up pass (default: ${DEFAULT-VALUE}).")
  int passes;

  @Option(names = "--warmup-runs", defaultValue = "2",
      description = "Untimed throughput runs before the measured ones, so that the JIT has compiled the training "
          + "step; the first two runs of a fresh JVM are still up to 2x slower (default: ${DEFAULT-VALUE}).")
  int warmupRuns;

  @Option(names = "--epochs", defaultValue = "5", description = "fastText training epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--train-share", defaultValue = "0.8",
      description = "Share of the time-ordered tweets trained on; the rest is the test set (default: ${DEFAULT-VALUE}).")
  double trainShare;

  @Option(names = "--max-examples", defaultValue = "0",
      description = "Use only the earliest N tweets, 0 = all (default: ${DEFAULT-VALUE}).")
  int maxExamples;

  @Option(names = "--device", description = "cpu, gpu or auto (default: the learner service's).")
  String device;

  @Override
  public Integer call() throws Exception {
    options.checkRuns();
    double loadAtStart = BenchReport.loadAverage();
    List<LabelledText> texts = AirlineData.read(options.dataDir());
    if (maxExamples > 0 && maxExamples < texts.size()) {
      texts = texts.subList(0, maxExamples);
    }
    int split = (int) Math.round(texts.size() * trainShare);
    List<LabelledText> train = texts.subList(0, split);
    List<LabelledText> test = texts.subList(split, texts.size());
    BenchOptions.progress(String.format(Locale.ROOT, "%d airline tweets in time order: train %d, test %d",
        texts.size(), train.size(), test.size()));

    FeaturizerSpec spec = FeaturizerSpec.defaults().withBucketBits(bucketBits);
    LearnerConfig defaults = LearnerConfig.defaults();
    LearnerConfig config = defaults.toBuilder().bucketBits(bucketBits).dimension(dimension)
        .device(device != null ? device : defaults.device()).build();
    JsonLine json = new JsonLine().put("dataset", "airline").put("examples", texts.size())
        .put("train_examples", train.size()).put("test_examples", test.size()).put("bucket_bits", bucketBits)
        .put("dimension", dimension).put("max_word_ngram", spec.maxWordNgram()).put("runs", options.runs)
        .put("passes", passes).put("warmup_runs", warmupRuns);

    // Throughput on already-hashed examples.
    LearnerThroughput throughput = new LearnerThroughput(config.device(), config.torchThreads(), config.optimizer(),
        config.learningRate());
    List<LabelledIds> hashed = LearnerThroughput.hash(texts, spec);
    for (int run = 0; run < warmupRuns && batchSizes.length > 0; run++) {
      LearnerThroughput.Result result = throughput.measure(hashed, batchSizes[0], bucketBits, dimension, passes);
      BenchOptions.progress(String.format(Locale.ROOT, "learner warm-up run %d/%d (batch %d): %.0f examples/s",
          run + 1, warmupRuns, batchSizes[0], result.examplesPerSecond()));
    }
    Map<Integer, Double> ours = new LinkedHashMap<>();
    for (int batchSize : batchSizes) {
      double[] rates = new double[options.runs];
      double[] touched = new double[options.runs];
      String deviceName = "";
      for (int run = 0; run < options.runs; run++) {
        LearnerThroughput.Result result = throughput.measure(hashed, batchSize, bucketBits, dimension, passes);
        rates[run] = result.examplesPerSecond();
        touched[run] = result.meanTouchedRows();
        deviceName = result.device();
        BenchOptions.progress(String.format(Locale.ROOT, "learner batch %d run %d/%d: %.0f examples/s (%s)",
            batchSize, run + 1, options.runs, rates[run], result.device()));
      }
      ours.put(batchSize, Stats.median(rates));
      json.put("device", deviceName)
          .put("learner_batch" + batchSize + "_examples_per_s", Stats.median(rates), 1)
          .put("learner_batch" + batchSize + "_runs_examples_per_s", rates, 1)
          .put("learner_batch" + batchSize + "_mean_touched_rows", Stats.median(touched), 1);
    }

    // fastText on the same unigrams, trained on the same first share.
    FastText fastText = FastText.locate(BenchOptions::progress);
    Featurizer unigrams = new Featurizer(new FeaturizerSpec(spec.seed(), spec.bucketBits(), 1,
        Math.min(1, spec.maxCjkCharNgram()), spec.normalizerVersion()));
    Path work = Files.createTempDirectory("sentiflow-bench-fasttext-");
    Path trainFile = work.resolve("train.txt");
    Path testFile = work.resolve("test.txt");
    long tokens = 0;
    List<String> trainLines = new ArrayList<>(train.size());
    for (LabelledText text : train) {
      List<String> terms = Arrays.asList(unigrams.featurize(text.text()).terms());
      tokens += terms.size();
      trainLines.add(FastText.trainingLine(Sentiment.values()[text.label()].name(), terms));
    }
    List<String> testLines = new ArrayList<>(test.size());
    for (LabelledText text : test) {
      testLines.add(FastText.predictionLine(Arrays.asList(unigrams.featurize(text.text()).terms())));
    }
    Files.write(trainFile, trainLines, StandardCharsets.UTF_8);
    Files.write(testFile, testLines, StandardCharsets.UTF_8);
    double meanTokens = train.isEmpty() ? 0 : (double) tokens / train.size();
    double wordsPerLine = meanTokens + FASTTEXT_EXTRA_WORDS_PER_LINE;
    List<String> fastTextOptions = List.of("-dim", String.valueOf(dimension), "-wordNgrams", "2", "-thread", "1",
        "-epoch", String.valueOf(epochs), "-bucket", String.valueOf(1 << bucketBits), "-minCount", "1");
    double[] wordRates = new double[options.runs];
    Path model = work.resolve("model");
    for (int run = 0; run < options.runs; run++) {
      wordRates[run] = FastText.wordsPerSecondPerThread(fastText.supervised(trainFile, model, fastTextOptions));
      BenchOptions.progress(String.format(Locale.ROOT, "fastText run %d/%d: %.0f words/s/thread = %.0f examples/s",
          run + 1, options.runs, wordRates[run], wordRates[run] / wordsPerLine));
    }
    double fastTextExamplesPerSecond = Stats.median(wordRates) / wordsPerLine;
    Map<String, Integer> classOfLabel = new HashMap<>();
    for (Sentiment s : Sentiment.values()) {
      classOfLabel.put(s.name(), s.ordinal());
    }
    int[] testTruth = test.stream().mapToInt(LabelledText::label).toArray();
    int majority = majorityClass(train);
    Classification fastTextHeld = Classification.of(testTruth,
        FastText.predictions(fastText.predict(work.resolve("model.bin"), testFile), classOfLabel, majority),
        LearnerConfig.CLASSES);
    deleteQuietly(work);

    json.put("mean_tokens_per_example", meanTokens, 3)
        .put("fasttext_words_per_line", wordsPerLine, 3)
        .put("fasttext_words_per_s_per_thread", Stats.median(wordRates), 0)
        .put("fasttext_runs_words_per_s_per_thread", wordRates, 0)
        .put("fasttext_examples_per_s", fastTextExamplesPerSecond, 1);
    for (int batchSize : batchSizes) {
      json.put("learner_batch" + batchSize + "_vs_fasttext_throughput_ratio",
          Stats.ratio(ours.get(batchSize), fastTextExamplesPerSecond), 3);
    }

    // Accuracy: one streaming pass, then the test share without learning.
    BenchOptions.progress("learner: one streaming pass over the training share, then the test share");
    OfflineEvaluator.Report report = new OfflineEvaluator(config, spec).evaluate(train, test);
    Classification prequentialTail = prequentialOverTail(config, spec, texts, split);
    json.put("learner_accuracy", report.accuracy(), 4)
        .put("learner_macro_f1", report.macroF1(), 4)
        .put("learner_macro_recall", report.macroRecall(), 4)
        .put("learner_log_loss", report.logLoss(), 4)
        .put("learner_train_prequential_accuracy", report.prequentialAccuracy(), 4)
        .put("learner_train_prequential_macro_f1", report.prequentialMacroF1(), 4)
        .put("learner_test_prequential_accuracy", prequentialTail.accuracy(), 4)
        .put("learner_test_prequential_macro_f1", prequentialTail.macroF1(), 4)
        .put("fasttext_epochs", epochs)
        .put("fasttext_accuracy", fastTextHeld.accuracy(), 4)
        .put("fasttext_macro_f1", fastTextHeld.macroF1(), 4)
        .put("fasttext_macro_recall", fastTextHeld.macroRecall(), 4)
        .put("accuracy_ratio", Stats.ratio(report.accuracy(), fastTextHeld.accuracy()), 3)
        .put("macro_f1_ratio", Stats.ratio(report.macroF1(), fastTextHeld.macroF1()), 3)
        .put("test_prequential_macro_f1_ratio", Stats.ratio(prequentialTail.macroF1(), fastTextHeld.macroF1()), 3)
        .put("load_average_start", loadAtStart, 2)
        .put("load_average_end", BenchReport.loadAverage(), 2);

    BenchReport md = new BenchReport("learner", "sentiflow bench learner")
        .paragraph(String.format(Locale.ROOT, "Airline tweets in time order (%d examples), 2^%d buckets x %d "
            + "dimensions, word unigrams + bigrams. fastText supervised with -dim %d -wordNgrams 2 -thread 1 -epoch %d "
            + "on the same unigram tokens; its examples/s = words/s/thread / %.2f words per line (tokens + label + "
            + "end of line). Medians of %d runs; the learner's after %d untimed warm-up runs.", texts.size(),
            bucketBits, dimension, dimension, epochs, wordsPerLine, options.runs, warmupRuns));
    List<BarChart.Bar> speed = new ArrayList<>();
    for (int batchSize : batchSizes) {
      speed.add(new BarChart.Bar("learner, batch " + batchSize, ours.get(batchSize)));
    }
    speed.add(new BarChart.Bar("fastText, 1 thread", fastTextExamplesPerSecond));
    md.chart("throughput", "Training throughput", "examples/s", speed)
        .chart("quality", "Macro-F1 on the last " + Math.round((1 - trainShare) * 100) + " %", "", List.of(
            new BarChart.Bar("learner, one pass, frozen", report.macroF1()),
            new BarChart.Bar("learner, prequential", prequentialTail.macroF1()),
            new BarChart.Bar("fastText, " + epochs + " epochs", fastTextHeld.macroF1())));
    Path written = md.write(json);
    BenchOptions.progress("report: " + written);
    System.out.println(json);
    return 0;
  }

  /**
   * Prequential accuracy and macro-F1 over the examples from {@code from} on, learning from
   * every example after predicting it, as the service does.
   */
  static Classification prequentialOverTail(LearnerConfig config, FeaturizerSpec spec, List<LabelledText> texts,
      int from) {
    Featurizer featurizer = new Featurizer(spec);
    LearningRateSchedule schedule = config.schedule();
    ModelWeights initial = OnlineModel.initialWeights(config.modelId(), config.shape(), spec.hash(), config.seed(), 0L);
    int[] truth = new int[texts.size() - from];
    int[] predicted = new int[truth.length];
    try (OnlineModel model = new OnlineModel(initial, config.optimizer().create(), (float) config.l2(),
        Devices.resolve(config.device(), config.torchThreads()))) {
      for (int start = 0; start < texts.size(); start += config.batchSize()) {
        List<LabelledIds> batch = new ArrayList<>(config.batchSize());
        for (LabelledText text : texts.subList(start, Math.min(texts.size(), start + config.batchSize()))) {
          batch.add(new LabelledIds(featurizer.featurize(text.text()).ids(), text.label()));
        }
        OnlineModel.StepOutcome outcome = model.learn(batch, schedule.at(start));
        for (int i = 0; i < batch.size(); i++) {
          int index = start + i;
          if (index >= from) {
            truth[index - from] = batch.get(i).label();
            predicted[index - from] = ModelWeights.argmax(outcome.probabilities()[i]);
          }
        }
      }
    }
    return Classification.of(truth, predicted, LearnerConfig.CLASSES);
  }

  private static int majorityClass(List<LabelledText> texts) {
    int[] counts = new int[LearnerConfig.CLASSES];
    texts.forEach(t -> counts[t.label()]++);
    int best = 0;
    for (int c = 1; c < counts.length; c++) {
      if (counts[c] > counts[best]) {
        best = c;
      }
    }
    return best;
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      BenchOptions.progress("could not delete " + dir + ": " + e.getMessage());
    }
  }
}
