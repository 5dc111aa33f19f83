package io.sentiflow.ingest.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Streams the rows of a dataset file in file order; gzip is detected from the content. */
final class DatasetReader {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

  private DatasetReader() {}

  /** The rows of {@code spec}'s file; close the stream to close the file. */
  static Stream<SourceRow> open(DatasetSpec spec) {
    return switch (spec.format()) {
      case CSV -> csv(spec.path());
      case JSONL -> jsonLines(spec.path(), spec.columns());
      case LINE_PAIRS -> linePairs(spec.path(), spec.labelsPath(), spec.columns());
    };
  }

  private static Stream<SourceRow> csv(Path path) {
    BufferedReader reader = openText(path);
    try {
      CSVParser parser = CSVParser.parse(reader, CSV);
      Iterator<CSVRecord> records = parser.iterator();
      Iterator<SourceRow> rows = new Iterator<>() {
        @Override
        public boolean hasNext() {
          try {
            return records.hasNext();
          } catch (UncheckedIOException e) {
            throw malformed(e, parser);
          }
        }

        @Override
        public SourceRow next() {
          try {
            return csvRow(records.next());
          } catch (UncheckedIOException e) {
            throw malformed(e, parser);
          }
        }
      };
      return stream(rows).onClose(() -> closeQuietly(parser));
    } catch (IOException e) {
      closeQuietly(reader);
      throw new UncheckedIOException("cannot read the CSV header of " + path, e);
    }
  }

  /** commons-csv's iterator wraps a syntax error ({@link CSVException}) and a read failure alike. */
  private static RuntimeException malformed(UncheckedIOException e, CSVParser parser) {
    if (!(e.getCause() instanceof CSVException syntax)) {
      return e;
    }
    long row = parser.getRecordNumber() + 1;
    return new MalformedDatasetException(row, "malformed CSV (" + syntax.getMessage()
        + "); the rows after it cannot be read", e);
  }

  private static SourceRow csvRow(CSVRecord record) {
    return SourceRow.parsed(record.getRecordNumber(), record.toMap());
  }

  private static Stream<SourceRow> jsonLines(Path path, ColumnMapping columns) {
    BufferedReader reader = openText(path);
    Iterator<String> lines = reader.lines().iterator();
    Iterator<SourceRow> rows = new Iterator<>() {
      long number;

      @Override
      public boolean hasNext() {
        return lines.hasNext();
      }

      @Override
      public SourceRow next() {
        return jsonRow(++number, lines.next(), columns);
      }
    };
    return stream(rows).filter(row -> row.raw() == null || !row.raw().isBlank()).onClose(() -> closeQuietly(reader));
  }

  /** Top-level fields as text, plus every column given as a JSON pointer ({@code /user/name}). */
  static SourceRow jsonRow(long number, String line, ColumnMapping columns) {
    if (line.isBlank()) {
      return SourceRow.unparsable(number, "blank line", line);
    }
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      return SourceRow.unparsable(number, "broken JSON: " + e.getOriginalMessage(), line);
    }
    if (node == null || !node.isObject()) {
      return SourceRow.unparsable(number, "not a JSON object", line);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> putText(fields, e.getKey(), e.getValue()));
    for (String column : new String[] {columns.id(), columns.text(), columns.thread(), columns.author(),
        columns.time(), columns.label(), columns.language()}) {
      if (column != null && column.startsWith("/")) {
        putText(fields, column, node.at(column));
      }
    }
    return SourceRow.parsed(number, fields);
  }

  private static void putText(Map<String, String> fields, String name, JsonNode value) {
    if (value != null && !value.isMissingNode() && !value.isNull()) {
      fields.put(name, value.isValueNode() ? value.asText() : value.toString());
    }
  }

  private static Stream<SourceRow> linePairs(Path textPath, Path labelsPath, ColumnMapping columns) {
    BufferedReader texts = openText(textPath);
    BufferedReader labels;
    try {
      labels = openText(labelsPath);
    } catch (RuntimeException e) {
      closeQuietly(texts);
      throw e;
    }
    Iterator<String> textLines = texts.lines().iterator();
    Iterator<String> labelLines = labels.lines().iterator();
    Iterator<SourceRow> rows = new Iterator<>() {
      long number;

      @Override
      public boolean hasNext() {
        return textLines.hasNext();
      }

      @Override
      public SourceRow next() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(columns.text(), textLines.next());
        if (labelLines.hasNext() && columns.label() != null) {
          fields.put(columns.label(), labelLines.next());
        }
        return SourceRow.parsed(++number, fields);
      }
    };
    return stream(rows).onClose(() -> {
      closeQuietly(texts);
      closeQuietly(labels);
    });
  }

  /** UTF-8 text of a plain or gzip file; malformed bytes become U+FFFD rather than failing the file. */
  private static BufferedReader openText(Path path) {
    try {
      InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
      in.mark(2);
      int b1 = in.read();
      int b2 = in.read();
      in.reset();
      if (b1 == 0x1f && b2 == 0x8b) {
        in = new GZIPInputStream(in, 1 << 16);
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no dataset file at " + path.toAbsolutePath(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + path, e);
    }
  }

  private static Stream<SourceRow> stream(Iterator<SourceRow> rows) {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED), false);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // Nothing useful to do: the rows were read.
    }
  }
}
