package io.sentiflow.ingest.replay;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A dataset to replay and how to read it.
 *
 * @param path the file (for {@link DatasetFormat#LINE_PAIRS}, the text file)
 * @param labelsPath the labels file of {@link DatasetFormat#LINE_PAIRS}; null otherwise
 * @param format file layout
 * @param columns which column feeds which comment field
 * @param timeFormat how the time column is written
 * @param labels label values and their sentiments
 * @param name short dataset name: label source ({@code dataset:<name>}) and dead-letter source
 * @param platform the {@code platform} of every comment, e.g. {@code twitter}
 * @param defaultThread thread of rows without one, and prefix of synthesised ids
 * @param defaultLanguage language of rows without one; null when unknown
 * @param syntheticStart event time of the first row when the dataset has no time column
 * @param syntheticStep event-time spacing of rows when the dataset has no time column
 * @param decodeUnicodeEscapes turn literal {@code \u2019}-style escapes left in the text into characters
 * @param sortByEventTime replay in event-time order (the whole file is read first); false streams in file order
 */
public record DatasetSpec(Path path, Path labelsPath, DatasetFormat format, ColumnMapping columns,
    TimeFormat timeFormat, LabelMapping labels, String name, String platform, String defaultThread,
    String defaultLanguage, Instant syntheticStart, Duration syntheticStep, boolean decodeUnicodeEscapes,
    boolean sortByEventTime) {

  public DatasetSpec {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(timeFormat, "timeFormat");
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(defaultThread, "defaultThread");
    Objects.requireNonNull(syntheticStart, "syntheticStart");
    Objects.requireNonNull(syntheticStep, "syntheticStep");
    if (format == DatasetFormat.LINE_PAIRS && labelsPath == null) {
      throw new IllegalArgumentException("line-pairs datasets need a labels file");
    }
  }

  /**
   * A generic dataset: the format guessed from the file name, ISO times, labels
   * {@code negative/neutral/positive}, platform {@code twitter}, thread {@code default}, event-time order.
   */
  public static DatasetSpec of(Path path, ColumnMapping columns) {
    return new DatasetSpec(path, null, DatasetFormat.of(path), columns, TimeFormat.ISO, LabelMapping.names(),
        baseName(path), "twitter", "default", null, Instant.parse("2020-01-01T00:00:00Z"), Duration.ofSeconds(1),
        false, true);
  }

  public DatasetSpec withPath(Path newPath) {
    return new DatasetSpec(newPath, labelsPath, format, columns, timeFormat, labels, name, platform, defaultThread,
        defaultLanguage, syntheticStart, syntheticStep, decodeUnicodeEscapes, sortByEventTime);
  }

  public DatasetSpec withTimeFormat(TimeFormat newFormat) {
    return new DatasetSpec(path, labelsPath, format, columns, newFormat, labels, name, platform, defaultThread,
        defaultLanguage, syntheticStart, syntheticStep, decodeUnicodeEscapes, sortByEventTime);
  }

  public DatasetSpec withLabels(LabelMapping newLabels) {
    return new DatasetSpec(path, labelsPath, format, columns, timeFormat, newLabels, name, platform, defaultThread,
        defaultLanguage, syntheticStart, syntheticStep, decodeUnicodeEscapes, sortByEventTime);
  }

  public DatasetSpec withSortByEventTime(boolean sort) {
    return new DatasetSpec(path, labelsPath, format, columns, timeFormat, labels, name, platform, defaultThread,
        defaultLanguage, syntheticStart, syntheticStep, decodeUnicodeEscapes, sort);
  }

  private static String baseName(Path path) {
    String file = path.getFileName().toString();
    int dot = file.indexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }
}
