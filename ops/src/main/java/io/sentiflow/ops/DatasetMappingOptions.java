package io.sentiflow.ops;

import io.sentiflow.ingest.replay.ColumnMapping;
import io.sentiflow.ingest.replay.DatasetPreset;
import io.sentiflow.ingest.replay.DatasetSpec;
import io.sentiflow.ingest.replay.LabelMapping;
import io.sentiflow.ingest.replay.TimeFormat;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * How a command reads a dataset file, shared by {@code replay} and {@code evaluate}: a shipped
 * dataset's preset, or a column mapping with its label values and time format.
 */
public final class DatasetMappingOptions {

  @Option(names = "--preset",
      description = "A shipped dataset's mapping: airline, sentiment140, semeval or tweeteval-validation "
          + "(default: airline, unless --columns is given).")
  String preset;

  @Option(names = "--columns",
      description = "Instead of a preset, the field each column feeds: FIELD=COLUMN,... with FIELD among id, text "
          + "(required), thread, author, time (none: file order), label, language.")
  String columns;

  @Option(names = "--labels",
      description = "With --columns, label values to sentiments, e.g. 0=negative,2=neutral,4=positive "
          + "(default: negative, neutral, positive).")
  String labels;

  @Option(names = "--time-format",
      description = "With --columns, how the time column is written: iso, epoch-millis, epoch-seconds or a "
          + "java.time pattern with a zone (default: iso).")
  String timeFormat;

  /** The preset named, airline when none is; refused beside --columns. */
  public DatasetPreset preset(CommandLine cli) {
    if (columns != null) {
      throw new ParameterException(cli, "give --preset or --columns, not both");
    }
    return DatasetPreset.fromName(preset != null ? preset : "airline");
  }

  /** {@code file} read through --columns, --labels and --time-format; empty when no --columns was given. */
  public Optional<DatasetSpec> mapped(Path file, CommandLine cli) {
    if (columns == null) {
      if (labels != null || timeFormat != null) {
        throw new ParameterException(cli, "--labels and --time-format go with --columns");
      }
      return Optional.empty();
    }
    if (preset != null) {
      throw new ParameterException(cli, "give --preset or --columns, not both");
    }
    return Optional.of(DatasetSpec.of(file, ColumnMapping.parse(columns))
        .withLabels(labels != null ? LabelMapping.parse(labels) : LabelMapping.names())
        .withTimeFormat(TimeFormat.of(timeFormat != null ? timeFormat : "iso")));
  }
}
