package io.sentiflow.learner.evaluate;

import io.sentiflow.avro.Sentiment;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads labelled texts from a CSV file (gzipped when it ends in {@code .gz}), in time order. */
public final class LabelledTextReader {

  private LabelledTextReader() {}

  /**
   * All rows with a known label; sorted by time (stably, so ties keep file order) when the mapping
   * names a time column, in file order otherwise.
   */
  public static List<LabelledText> read(Path file, CsvMapping mapping) throws IOException {
    DateTimeFormatter formatter = mapping.formatter();
    List<LabelledText> texts = new ArrayList<>();
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
      for (CSVRecord row : format.parse(reader)) {
        Sentiment label = mapping.labels().get(row.get(mapping.labelColumn()).trim());
        if (label != null) {
          long time = mapping.timeColumn() == null ? 0 : parseTime(row.get(mapping.timeColumn()), formatter);
          texts.add(new LabelledText(row.get(mapping.textColumn()), label.ordinal(), time));
        }
      }
    }
    if (mapping.timeColumn() != null) {
      texts.sort(Comparator.comparingLong(LabelledText::time));
    }
    return texts;
  }

  private static long parseTime(String value, DateTimeFormatter formatter) {
    return formatter == null
        ? Long.parseLong(value.trim())
        : OffsetDateTime.parse(value.trim(), formatter).toInstant().toEpochMilli();
  }
}
