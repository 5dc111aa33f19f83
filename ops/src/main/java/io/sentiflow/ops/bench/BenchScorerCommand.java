package io.sentiflow.ops.bench;

import io.sentiflow.avro.Features;
import io.sentiflow.learner.LearnerConfig;
import io.sentiflow.learner.evaluate.LabelledText;
import io.sentiflow.learner.model.Devices;
import io.sentiflow.learner.model.LabelledIds;
import io.sentiflow.learner.model.OnlineModel;
import io.sentiflow.schemas.model.ModelWeights;
import io.sentiflow.schemas.text.FeatureVector;
import io.sentiflow.schemas.text.Featurizer;
import io.sentiflow.schemas.text.FeaturizerSpec;
import io.sentiflow.scorer.DeliveryMode;
import io.sentiflow.scorer.ScorerConfig;
import io.sentiflow.scorer.bench.ScorerThroughput;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Scores/s of the Streams scorer against a pass-through Streams app over the same topics, and
 * features-to-score latency at a fixed rate in both delivery modes, with a model trained on the
 * airline tweets.
 */
@Command(name = "scorer", mixinStandardHelpOptions = true,
    description = "Scorer throughput against a pass-through Streams app, and latency (last stdout line: JSON).")
public final class BenchScorerCommand implements Callable<Integer> {

  @Mixin
  BenchOptions options = new BenchOptions();

  @Option(names = "--bootstrap-servers",
      description = "Kafka to use (the scorer bench creates its own topics); default: an embedded broker.")
  String bootstrapServers;

  @Option(names = "--records", defaultValue = "0",
      description = "Features records for the throughput run: the airline tweets repeated, 0 = each once "
          + "(default: ${DEFAULT-VALUE}).")
  int records;

  @Option(names = "--rate", defaultValue = "1000",
      description = "Features per second produced for the latency runs (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--latency-records", defaultValue = "5000",
      description = "Features per latency run (default: ${DEFAULT-VALUE}).")
  int latencyRecords;

  @Option(names = "--stream-threads", defaultValue = "1",
      description = "Kafka Streams threads of the scorer and of the pass-through app (default: ${DEFAULT-VALUE}).")
  int streamThreads;

  @Option(names = "--timeout", defaultValue = "PT3M",
      description = "Longest wait for one run, ISO-8601 duration (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  public Integer call() throws Exception {
    options.checkRuns();
    double loadAtStart = BenchReport.loadAverage();
    List<LabelledText> texts = AirlineData.read(options.dataDir());
    ScorerConfig config = ScorerConfig.forReplays().withStreamThreads(streamThreads);
    ModelWeights model = trainedModel(texts, config.featurizerSpec());
    List<Features> throughputInput = features(texts, records == 0 ? texts.size() : records, config.featurizerSpec());
    List<Features> latencyInput = features(texts, latencyRecords, config.featurizerSpec());
    BenchOptions.progress(String.format(Locale.ROOT, "model trained on %d tweets; %d features for throughput",
        texts.size(), throughputInput.size()));

    double[] passThrough = new double[options.runs];
    double[] scorer = new double[options.runs];
    double[] ratios = new double[options.runs];
    Map<DeliveryMode, double[][]> latencies = new LinkedHashMap<>();
    try (BenchKafka kafka = BenchKafka.connect(bootstrapServers, BenchOptions::progress)) {
      BenchOptions.progress("warm-up run of both apps (not measured), so that the measured runs are JIT-compiled");
      ScorerThroughput.throughput(kafka.clientProperties(), config, model, throughputInput, timeout);
      for (int run = 0; run < options.runs; run++) {
        ScorerThroughput.Throughput t = ScorerThroughput.throughput(kafka.clientProperties(), config, model,
            throughputInput, timeout);
        passThrough[run] = t.passThroughPerSecond();
        scorer[run] = t.scorerPerSecond();
        ratios[run] = t.ratio();
        BenchOptions.progress(String.format(Locale.ROOT,
            "throughput run %d/%d: scorer %.0f/s, pass-through %.0f/s, ratio %.3f", run + 1, options.runs,
            scorer[run], passThrough[run], ratios[run]));
      }
      for (DeliveryMode mode : DeliveryMode.values()) {
        double[][] figures = new double[3][options.runs];
        for (int run = 0; run < options.runs; run++) {
          ScorerThroughput.Latency l = ScorerThroughput.latency(kafka.clientProperties(),
              config.withDeliveryMode(mode), model, latencyInput, rate, timeout);
          figures[0][run] = l.p50Ms();
          figures[1][run] = l.p99Ms();
          figures[2][run] = l.records();
          BenchOptions.progress(String.format(Locale.ROOT,
              "latency %s run %d/%d at %.0f/s: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d scores)", mode.flag(),
              run + 1, options.runs, rate, l.p50Ms(), l.p99Ms(), l.maxMs(), l.records()));
        }
        latencies.put(mode, figures);
      }
    }

    JsonLine json = new JsonLine().put("records", throughputInput.size()).put("runs", options.runs)
        .put("scorer_per_s", Stats.median(scorer), 1)
        .put("pass_through_per_s", Stats.median(passThrough), 1)
        .put("scorer_vs_pass_through_ratio", Stats.median(ratios), 3)
        .put("runs_scorer_per_s", scorer, 1)
        .put("runs_pass_through_per_s", passThrough, 1)
        .put("latency_rate_per_s", rate, 1)
        .put("latency_records", latencyRecords);
    Map<String, String> rows = new LinkedHashMap<>();
    rows.put("throughput", String.format(Locale.ROOT, "scorer %,.0f/s, pass-through %,.0f/s, ratio %.3f "
        + "(target >= 0.6)", Stats.median(scorer), Stats.median(passThrough), Stats.median(ratios)));
    List<BarChart.Bar> latencyBars = new ArrayList<>();
    latencies.forEach((mode, figures) -> {
      String prefix = mode.flag().replace('-', '_') + "_";
      json.put(prefix + "p50_ms", Stats.median(figures[0]), 1)
          .put(prefix + "p99_ms", Stats.median(figures[1]), 1)
          .put(prefix + "scores_received", Stats.median(figures[2]), 0);
      rows.put("latency " + mode.flag(), String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms",
          Stats.median(figures[0]), Stats.median(figures[1])));
      latencyBars.add(new BarChart.Bar(mode.flag() + " p50", Stats.median(figures[0])));
      latencyBars.add(new BarChart.Bar(mode.flag() + " p99", Stats.median(figures[1])));
    });
    json.put("load_average_start", loadAtStart, 2).put("load_average_end", BenchReport.loadAverage(), 2);
    Path report = new BenchReport("scorer", "sentiflow bench scorer")
        .paragraph(String.format(Locale.ROOT, "%d features records of airline tweets, model trained on them "
            + "(2^%d x %d). Latency: %d records produced at %.0f/s, features produce time to score readable "
            + "(read_committed). Medians of %d runs.", throughputInput.size(), model.shape().getBucketBits(),
            model.shape().getDimension(), latencyRecords, rate, options.runs))
        .table(rows)
        .chart("throughput", "Records per second", "records/s", List.of(
            new BarChart.Bar("scorer", Stats.median(scorer)),
            new BarChart.Bar("pass-through", Stats.median(passThrough))))
        .chart("latency", "Features to score latency", "ms", latencyBars)
        .write(json);
    BenchOptions.progress("report: " + report);
    System.out.println(json);
    return 0;
  }

  /** The learner's default model after one pass over the tweets. */
  private static ModelWeights trainedModel(List<LabelledText> texts, FeaturizerSpec spec) {
    LearnerConfig config = LearnerConfig.defaults().toBuilder().bucketBits(spec.bucketBits()).build();
    Featurizer featurizer = new Featurizer(spec);
    try (OnlineModel model = new OnlineModel(
        OnlineModel.initialWeights(config.modelId(), config.shape(), spec.hash(), config.seed(), 0L),
        config.optimizer().create(), (float) config.l2(), Devices.resolve(config.device(), config.torchThreads()))) {
      for (int from = 0; from < texts.size(); from += config.batchSize()) {
        List<LabelledIds> batch = new ArrayList<>();
        for (LabelledText text : texts.subList(from, Math.min(texts.size(), from + config.batchSize()))) {
          batch.add(new LabelledIds(featurizer.featurize(text.text()).ids(), text.label()));
        }
        model.learn(batch, config.schedule().at(from));
      }
      return model.current();
    }
  }

  /** {@code count} features records of the tweets (repeated with distinct ids), stamped now. */
  static List<Features> features(List<LabelledText> texts, int count, FeaturizerSpec spec) {
    Featurizer featurizer = new Featurizer(spec);
    long specHash = spec.hash();
    long now = System.currentTimeMillis();
    List<Features> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      LabelledText text = texts.get(i % texts.size());
      FeatureVector vector = featurizer.featurize(text.text());
      out.add(Features.newBuilder()
          .setCommentId("airline-" + i)
          .setThread("airline")
          .setLanguage("en")
          .setFeatureIds(Arrays.stream(vector.ids()).boxed().toList())
          .setTerms(Arrays.asList(vector.terms()))
          .setTextLength(text.text().length())
          .setSpecHash(specHash)
          .setEventTime(text.time())
          .setIngestTime(now)
          .setFeatureTime(now)
          .build());
    }
    return out;
  }
}
