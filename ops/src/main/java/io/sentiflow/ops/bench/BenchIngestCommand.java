package io.sentiflow.ops.bench;

import io.sentiflow.ingest.IngestTopics;
import io.sentiflow.ingest.bench.IngestThroughput;
import io.sentiflow.ingest.replay.DatasetPreset;
import io.sentiflow.ingest.replay.ReplayConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Replay and HTTP NDJSON ingest rates against a bare Kafka producer writing the same records. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Replay and HTTP ingest throughput against a bare Kafka producer (last stdout line: JSON).")
public final class BenchIngestCommand implements Callable<Integer> {

  private static final int PARTITIONS = 4;

  @Mixin
  BenchOptions options = new BenchOptions();

  @Option(names = "--bootstrap-servers",
      description = "Kafka to write to (fresh bench topics are created); default: an embedded broker.")
  String bootstrapServers;

  @Option(names = "--preset", defaultValue = "airline",
      description = "Dataset replayed: airline, sentiment140, semeval, tweeteval-validation (default: ${DEFAULT-VALUE}).")
  String preset;

  @Option(names = "--max-comments", defaultValue = "0",
      description = "Replay only the earliest N comments, 0 = all (default: ${DEFAULT-VALUE}).")
  long maxComments;

  @Option(names = "--http-batch-size", defaultValue = "500",
      description = "Comments per NDJSON request (default: ${DEFAULT-VALUE}).")
  int httpBatchSize;

  @Option(names = "--http-clients", defaultValue = "8",
      description = "Concurrent HTTP clients, each posting its next batch once the last is answered "
          + "(default: ${DEFAULT-VALUE}).")
  int httpClients;

  @Option(names = "--warm-up-passes", defaultValue = "2",
      description = "Unmeasured passes of the dataset through every contender first, so none is timed while "
          + "being compiled (default: ${DEFAULT-VALUE}).")
  int warmUpPasses;

  @Option(names = "--passes-per-run", defaultValue = "3",
      description = "Passes of the dataset through each contender per run: the replay and the bare producer "
          + "rated by their summed windows, HTTP by one window over all of them (default: ${DEFAULT-VALUE}).")
  int passesPerRun;

  @Override
  public Integer call() throws Exception {
    options.checkRuns();
    double loadAtStart = BenchReport.loadAverage();
    Path dataDir = options.dataDir();
    ReplayConfig replay = ReplayConfig.preset(DatasetPreset.fromName(preset), dataDir).withMaxComments(maxComments);
    IngestThroughput.Result result;
    try (BenchKafka kafka = BenchKafka.connect(bootstrapServers, BenchOptions::progress)) {
      List<String> names = kafka.freshTopics(PARTITIONS, "comments", "labels", "rejected");
      IngestTopics topics = new IngestTopics(names.get(0), names.get(1), names.get(2));
      result = IngestThroughput.run(kafka.clientProperties(), replay, topics, httpBatchSize, httpClients,
          warmUpPasses, options.runs, passesPerRun, BenchOptions::progress);
    }
    JsonLine json = new JsonLine().put("dataset", preset).put("runs", options.runs).putAll("", result.toJson())
        .put("load_average_start", loadAtStart, 2).put("load_average_end", BenchReport.loadAverage(), 2);
    Map<String, String> rows = new LinkedHashMap<>();
    rows.put("comments per contender", String.valueOf(result.comments()));
    rows.put("bare producer", String.format(Locale.ROOT, "%,.0f/s", result.bareProducerPerSecond()));
    rows.put("replay", String.format(Locale.ROOT, "%,.0f/s (ratio %.3f, target >= %.1f)",
        result.replayPerSecond(), result.replayRatio(), IngestThroughput.REPLAY_TARGET));
    rows.put("HTTP NDJSON", String.format(Locale.ROOT, "%,.0f/s (ratio %.3f, target >= %.1f)",
        result.httpPerSecond(), result.httpRatio(), IngestThroughput.HTTP_TARGET));
    Path report = new BenchReport("ingest", "sentiflow bench ingest")
        .paragraph(String.format(Locale.ROOT, "Dataset %s into Kafka; HTTP batches of %d from %d clients. "
            + "Medians of %d runs of %d passes each, after %d warm-up passes; each ratio is the median of per-run "
            + "ratios.", preset, httpBatchSize, httpClients, options.runs, passesPerRun, warmUpPasses))
        .table(rows)
        .chart("throughput", "Comments into Kafka", "comments/s", List.of(
            new BarChart.Bar("bare producer", result.bareProducerPerSecond()),
            new BarChart.Bar("replay", result.replayPerSecond()),
            new BarChart.Bar("HTTP NDJSON", result.httpPerSecond())))
        .write(json);
    BenchOptions.progress("report: " + report);
    System.out.println(json);
    return 0;
  }
}
