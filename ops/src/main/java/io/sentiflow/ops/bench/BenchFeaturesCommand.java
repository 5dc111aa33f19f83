package io.sentiflow.ops.bench;

import io.sentiflow.features.FeatureTopics;
import io.sentiflow.features.bench.FeatureThroughput;
import io.sentiflow.features.bench.KafkaFeatureThroughput;
import io.sentiflow.learner.evaluate.LabelledText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Comments/s through the Flink feature job against a job with the same source and sink that only
 * forwards bytes, on an in-process MiniCluster, at each parallelism asked for, two ways: from memory
 * into discarding sinks (the job's own CPU cost, {@link FeatureThroughput}) and as deployed, from a
 * Kafka topic into Kafka topics ({@link KafkaFeatureThroughput}); first, what featurizing costs per
 * comment, measured by JMH ({@link FeaturizerBenchmark}).
 */
@Command(name = "features", mixinStandardHelpOptions = true,
    description = "Feature job throughput against a forwarding job (last stdout line: JSON).")
public final class BenchFeaturesCommand implements Callable<Integer> {

  /** Partitions of the bench topics: two per source reader at the highest default parallelism. */
  private static final int PARTITIONS = 4;

  @Mixin
  BenchOptions options = new BenchOptions();

  @Option(names = "--comments", defaultValue = "58560",
      description = "Comments per job run: the airline tweets repeated with distinct ids (default: ${DEFAULT-VALUE}).")
  int comments;

  @Option(names = "--parallelism", split = ",", defaultValue = "1,2",
      description = "Job parallelisms measured (default: ${DEFAULT-VALUE}).")
  int[] parallelisms;

  @Option(names = "--bootstrap-servers",
      description = "Kafka for the as-deployed comparison (fresh bench topics are created); default: an embedded "
          + "broker.")
  String bootstrapServers;

  @Option(names = "--timeout", defaultValue = "PT3M",
      description = "Longest wait for one job run on Kafka, ISO-8601 duration (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  public Integer call() throws Exception {
    options.checkRuns();
    double loadAtStart = BenchReport.loadAverage();
    List<LabelledText> texts = AirlineData.read(options.dataDir());
    List<byte[]> encoded = AirlineData.encodedComments(texts, comments);
    BenchOptions.progress(String.format(Locale.ROOT, "%d encoded comments from %d airline tweets",
        encoded.size(), texts.size()));
    JsonLine json = new JsonLine().put("comments", comments).put("runs", options.runs);
    Map<String, String> rows = new LinkedHashMap<>();
    BenchOptions.progress("per-comment featurizer cost (JMH, airline tweets)...");
    for (Map.Entry<String, Double> step : FeaturizerCost.nanosPerComment(options.dataDir()).entrySet()) {
      json.put(step.getKey() + "_ns_per_comment", step.getValue(), 1);
      rows.put(step.getKey() + " (JMH)", String.format(Locale.ROOT, "%,.0f ns/comment", step.getValue()));
    }
    double featurizeCpu = FeaturizerCost.cpuNanosPerComment(texts.stream().map(LabelledText::text).toList());
    json.put("featurize_cpu_ns_per_comment", featurizeCpu, 1);
    rows.put("featurize (thread CPU time)", String.format(Locale.ROOT, "%,.0f ns/comment", featurizeCpu));
    List<BarChart.Bar> bars = new ArrayList<>();
    compare("job CPU", "", parallelism -> {
      FeatureThroughput.Figures f = FeatureThroughput.measure(encoded, parallelism);
      return new Rates(f.featureJobCommentsPerSecond(), f.forwardJobCommentsPerSecond());
    }, json, rows, bars);
    try (BenchKafka kafka = BenchKafka.connect(bootstrapServers, BenchOptions::progress)) {
      List<String> names = kafka.freshTopics(PARTITIONS, "comments", "labels", "features", "training-examples",
          "rejected", "forwarded");
      FeatureTopics topics = new FeatureTopics(names.get(0), names.get(1), names.get(2), names.get(3), names.get(4));
      KafkaFeatureThroughput.preload(kafka.clientProperties(), topics.comments(), encoded);
      compare("as deployed (Kafka)", "kafka_", parallelism -> {
        KafkaFeatureThroughput.Figures f = KafkaFeatureThroughput.measure(kafka.clientProperties(), topics,
            names.get(5), encoded.size(), parallelism, timeout);
        return new Rates(f.featureJobPerSecond(), f.forwardJobPerSecond());
      }, json, rows, bars);
    }
    json.put("load_average_start", loadAtStart, 2).put("load_average_end", BenchReport.loadAverage(), 2);
    Path report = new BenchReport("features", "sentiflow bench features")
        .paragraph(String.format(Locale.ROOT, "%d comments (airline tweets, distinct ids) through each job on a "
            + "MiniCluster, one warm-up run of each job first. Job CPU: replayed from memory into discarding "
            + "sinks, timed by the job's net runtime (deploy included). As deployed: the feature job with its "
            + "Kafka sources and sinks and a job forwarding the bytes from the same Kafka source to a Kafka "
            + "topic, both reading a pre-loaded %d-partition topic, timed by a reader of their output from the "
            + "first records it got to the last. "
            + "Medians of %d runs; each ratio is the median of per-run ratios. Per-comment costs: JMH "
            + "(FeaturizerBenchmark, one fork, 3+5 one-second iterations) over the airline tweets in turn; "
            + "featurize is the whole of normalize, tokenize and hash. JMH counts wall-clock time, which "
            + "grows when other processes share the cores; the thread-CPU figure is the median of 10 "
            + "passes over the tweets in this JVM, after 10 warm-up passes.", comments, PARTITIONS, options.runs))
        .table(rows)
        .chart("throughput", "Comments through the job", "comments/s", bars)
        .write(json);
    BenchOptions.progress("report: " + report);
    System.out.println(json);
    return 0;
  }

  /** Comments per second of the feature job and of the forwarding job in one run. */
  private record Rates(double featureJob, double forwardJob) {}

  @FunctionalInterface
  private interface Comparison {
    Rates run(int parallelism) throws Exception;
  }

  /** Runs {@code comparison} --runs times at each parallelism and reports the medians under {@code key}. */
  private void compare(String name, String key, Comparison comparison, JsonLine json, Map<String, String> rows,
      List<BarChart.Bar> bars) throws Exception {
    for (int parallelism : parallelisms) {
      double[] feature = new double[options.runs];
      double[] forward = new double[options.runs];
      double[] ratios = new double[options.runs];
      for (int run = 0; run < options.runs; run++) {
        Rates rates = comparison.run(parallelism);
        feature[run] = rates.featureJob();
        forward[run] = rates.forwardJob();
        ratios[run] = rates.featureJob() / rates.forwardJob();
        BenchOptions.progress(String.format(Locale.ROOT,
            "%s, parallelism %d run %d/%d: feature job %.0f/s, forwarding job %.0f/s, ratio %.3f",
            name, parallelism, run + 1, options.runs, feature[run], forward[run], ratios[run]));
      }
      String prefix = key + "p" + parallelism + "_";
      json.put(prefix + "feature_job_per_s", Stats.median(feature), 1)
          .put(prefix + "forward_job_per_s", Stats.median(forward), 1)
          .put(prefix + "feature_vs_forward_ratio", Stats.median(ratios), 3)
          .put(prefix + "runs_feature_job_per_s", feature, 1)
          .put(prefix + "runs_forward_job_per_s", forward, 1);
      rows.put(name + ", parallelism " + parallelism, String.format(Locale.ROOT,
          "feature job %,.0f/s, forwarding job %,.0f/s, ratio %.3f (target >= 0.5)",
          Stats.median(feature), Stats.median(forward), Stats.median(ratios)));
      bars.add(new BarChart.Bar("feature job, " + name + ", p=" + parallelism, Stats.median(feature)));
      bars.add(new BarChart.Bar("forwarding job, " + name + ", p=" + parallelism, Stats.median(forward)));
    }
  }
}
