package io.sentiflow.ops.bench;

import io.sentiflow.features.bench.FeatureThroughput;
import io.sentiflow.learner.evaluate.LabelledText;
import java.nio.file.Path;
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
 * forwards bytes, on an in-process MiniCluster, at each parallelism asked for; first, what
 * featurizing costs per comment, measured by JMH ({@link FeaturizerBenchmark}).
 */
@Command(name = "features", mixinStandardHelpOptions = true,
    description = "Feature job throughput against a forwarding job (last stdout line: JSON).")
public final class BenchFeaturesCommand implements Callable<Integer> {

  @Mixin
  BenchOptions options = new BenchOptions();

  @Option(names = "--comments", defaultValue = "58560",
      description = "Comments per job run: the airline tweets repeated with distinct ids (default: ${DEFAULT-VALUE}).")
  int comments;

  @Option(names = "--parallelism", split = ",", defaultValue = "1,2",
      description = "Job parallelisms measured (default: ${DEFAULT-VALUE}).")
  int[] parallelisms;

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
    for (int parallelism : parallelisms) {
      double[] feature = new double[options.runs];
      double[] forward = new double[options.runs];
      double[] ratios = new double[options.runs];
      for (int run = 0; run < options.runs; run++) {
        FeatureThroughput.Figures figures = FeatureThroughput.measure(encoded, parallelism);
        feature[run] = figures.featureJobCommentsPerSecond();
        forward[run] = figures.forwardJobCommentsPerSecond();
        ratios[run] = figures.ratio();
        BenchOptions.progress(String.format(Locale.ROOT,
            "parallelism %d run %d/%d: feature job %.0f/s (%d ms), forwarding job %.0f/s (%d ms), ratio %.3f",
            parallelism, run + 1, options.runs, feature[run], figures.featureJobMillis(), forward[run],
            figures.forwardJobMillis(), ratios[run]));
      }
      String prefix = "p" + parallelism + "_";
      json.put(prefix + "feature_job_per_s", Stats.median(feature), 1)
          .put(prefix + "forward_job_per_s", Stats.median(forward), 1)
          .put(prefix + "feature_vs_forward_ratio", Stats.median(ratios), 3)
          .put(prefix + "runs_feature_job_per_s", feature, 1)
          .put(prefix + "runs_forward_job_per_s", forward, 1);
      rows.put("parallelism " + parallelism, String.format(Locale.ROOT,
          "feature job %,.0f/s, forwarding job %,.0f/s, ratio %.3f (target >= 0.5)",
          Stats.median(feature), Stats.median(forward), Stats.median(ratios)));
      bars.add(new BarChart.Bar("feature job, p=" + parallelism, Stats.median(feature)));
      bars.add(new BarChart.Bar("forwarding job, p=" + parallelism, Stats.median(forward)));
    }
    json.put("load_average_start", loadAtStart, 2).put("load_average_end", BenchReport.loadAverage(), 2);
    Path report = new BenchReport("features", "sentiflow bench features")
        .paragraph(String.format(Locale.ROOT, "%d comments (airline tweets, distinct ids) replayed from memory "
            + "into each job on a MiniCluster, discarding sinks, one warm-up run of each job first. "
            + "Medians of %d runs; each ratio is the median of per-run ratios. Per-comment costs: JMH "
            + "(FeaturizerBenchmark, one fork, 3+5 one-second iterations) over the airline tweets in turn; "
            + "featurize is the whole of normalize, tokenize and hash. JMH counts wall-clock time, which "
            + "grows when other processes share the cores; the thread-CPU figure is the median of 10 "
            + "passes over the tweets in this JVM, after 10 warm-up passes.", comments, options.runs))
        .table(rows)
        .chart("throughput", "Comments through the job", "comments/s", bars)
        .write(json);
    BenchOptions.progress("report: " + report);
    System.out.println(json);
    return 0;
  }
}
