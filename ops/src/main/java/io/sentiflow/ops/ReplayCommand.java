package io.sentiflow.ops;

import io.sentiflow.ingest.replay.DatasetReplay;
import io.sentiflow.ingest.replay.LabelDelay;
import io.sentiflow.ingest.replay.Pacing;
import io.sentiflow.ingest.replay.ReplayConfig;
import io.sentiflow.ingest.replay.ReplayResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sentiflow replay}: a shipped dataset (a preset) or any CSV/JSONL file with a column mapping
 * into comments and (late) labels, in event-time order.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Replay a dataset into Kafka: comments in event-time order, labels after a delay.")
final class ReplayCommand implements Callable<Integer> {

  @Mixin
  KafkaOptions kafka = new KafkaOptions();

  @Mixin
  PrivacyOptions privacy = new PrivacyOptions();

  @Spec
  CommandSpec spec;

  @Option(names = "--file",
      description = "Any .csv or .jsonl/.ndjson file, optionally .gz (format from the name), read with --columns "
          + "instead of a preset.")
  Path file;

  @Mixin
  DatasetMappingOptions mapping = new DatasetMappingOptions();

  @Option(names = "--data-dir", description = "Where the shipped datasets are (default: ../shared/data).")
  Path dataDir;

  @Option(names = "--pacing", defaultValue = "max",
      description = "max (as fast as possible), rate:N per second, or speedup:F of real time (default: ${DEFAULT-VALUE}).")
  String pacing;

  @Option(names = "--label-delay", defaultValue = "exponential:30s",
      description = "fixed:D, uniform:MIN..MAX or exponential:MEAN in event time (default: ${DEFAULT-VALUE}).")
  String labelDelay;

  @Option(names = "--labelled-fraction", defaultValue = "1.0",
      description = "Share of comments whose label ever arrives (default: ${DEFAULT-VALUE}).")
  double labelledFraction;

  @Option(names = "--max-comments", defaultValue = "0",
      description = "Stop after the earliest N comments; 0 = all (default: ${DEFAULT-VALUE}).")
  long maxComments;

  @Override
  public Integer call() {
    ReplayConfig config = dataset()
        .withPacing(Pacing.parse(pacing))
        .withLabelDelay(LabelDelay.parse(labelDelay))
        .withLabelledFraction(labelledFraction)
        .withMaxComments(maxComments)
        .withPrivacy(privacy.config());
    ReplayResult result = DatasetReplay.run(kafka.clientProperties(), config,
        (comments, labels) -> System.err.printf("\rcomments %,d | labels %,d", comments, labels));
    System.err.println();
    System.out.printf("{\"rows\":%d,\"comments\":%d,\"distinct_ids\":%d,\"labels\":%d,\"rejected\":%d,\"duplicates\":%d}%n",
        result.rowsRead(), result.commentsSent(), result.distinctCommentIds(), result.labelsSent(),
        result.skippedRows(), result.duplicateRows());
    return 0;
  }

  private ReplayConfig dataset() {
    CommandLine cli = spec.commandLine();
    if (file == null) {
      return ReplayConfig.preset(mapping.preset(cli), dataDir != null ? dataDir : ReplayConfig.defaultDataDir());
    }
    return ReplayConfig.of(mapping.mapped(file, cli)
        .orElseThrow(() -> new ParameterException(cli, "--file needs --columns, at least text=COLUMN")));
  }
}
