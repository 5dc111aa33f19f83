package io.sentiflow.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sentiflow.ingest.replay.DatasetPreset;
import io.sentiflow.ingest.replay.ReplayConfig;
import io.sentiflow.ops.Sentiflow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sentiflow evaluate} end to end: files read through replay's mapping, one JSON line of figures. */
class EvaluateCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] SMALL_MODEL = {"--device", "cpu", "--bucket-bits", "14", "--batch-size", "16",
      "--no-report"};

  @TempDir
  Path dir;

  @Test
  void evaluatesGzippedJsonLinesThroughAColumnMapping() throws IOException {
    Path train = jsonLines("train.jsonl.gz", 0, 300);
    Path test = jsonLines("test.jsonl.gz", 300, 100);

    JsonNode figures = evaluate(train, test, "--columns", "id=review,text=body,time=at,label=stars",
        "--labels", "1=negative,5=positive", "--time-format", "epoch-seconds");

    // Every third review is unlabelled, so it is neither trained on nor scored.
    assertThat(figures.get("train_examples").asInt()).isEqualTo(200);
    assertThat(figures.get("test_examples").asInt()).isEqualTo(67);
    assertThat(figures.get("train_file").asText()).isEqualTo(train.toString());
    assertThat(figures.get("accuracy").asDouble()).as("two words that give the class away").isGreaterThan(0.9);
    assertThat(figures.get("log_loss").asDouble()).isPositive().isFinite();
  }

  @Test
  void evaluatesASliceOfTheAirlineTweetsThroughThePreset() throws IOException {
    Path airline = DatasetPreset.AIRLINE.spec(ReplayConfig.defaultDataDir()).path();
    List<CSVRecord> rows;
    List<String> header;
    try (Reader in = new InputStreamReader(new GZIPInputStream(Files.newInputStream(airline)), StandardCharsets.UTF_8)) {
      var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
      header = parser.getHeaderNames();
      Iterator<CSVRecord> records = parser.iterator();
      rows = Stream.generate(records::next).limit(1_000).toList();
    }
    Path train = csv("train.csv", header, rows.subList(0, 800));
    Path test = csv("test.csv.gz", header, rows.subList(800, 1_000));

    JsonNode figures = evaluate(train, test, "--preset", "airline");

    assertThat(figures.get("train_examples").asInt()).isEqualTo(800);
    assertThat(figures.get("test_examples").asInt()).isEqualTo(200);
    assertThat(figures.get("accuracy").asDouble()).isBetween(0.0, 1.0);
    assertThat(figures.get("macro_f1").asDouble()).isBetween(0.0, 1.0);
  }

  /** Runs the command and parses the last line it printed. */
  private static JsonNode evaluate(Path train, Path test, String... mapping) throws IOException {
    String[] args = new String[5 + mapping.length + SMALL_MODEL.length];
    args[0] = "evaluate";
    args[1] = "--train";
    args[2] = train.toString();
    args[3] = "--test";
    args[4] = test.toString();
    System.arraycopy(mapping, 0, args, 5, mapping.length);
    System.arraycopy(SMALL_MODEL, 0, args, 5 + mapping.length, SMALL_MODEL.length);
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    int exit;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      exit = Sentiflow.commandLine().execute(args);
    } finally {
      System.setOut(stdout);
    }
    String[] lines = captured.toString(StandardCharsets.UTF_8).strip().split("\n");
    assertThat(exit).as(String.join("\n", lines)).isZero();
    return JSON.readTree(lines[lines.length - 1]);
  }

  /**
   * {@code count} reviews from number {@code first}, written newest first so only the time column
   * gives their order; one in three has no label.
   */
  private Path jsonLines(String name, int first, int count) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      for (int i = first + count - 1; i >= first; i--) {
        boolean good = i % 2 == 0;
        String stars = i % 3 == 2 ? "" : good ? ",\"stars\":\"5\"" : ",\"stars\":\"1\"";
        out.write(String.format("{\"review\":\"r%d\",\"body\":\"%s\",\"at\":%d%s}%n", i,
            good ? "lovely friendly crew" : "awful late flight", 1_420_070_400L + i, stars)
            .getBytes(StandardCharsets.UTF_8));
      }
    }
    return file;
  }

  private Path csv(String name, List<String> header, List<CSVRecord> rows) throws IOException {
    Path file = dir.resolve(name);
    OutputStream raw = Files.newOutputStream(file);
    try (Writer out = new OutputStreamWriter(name.endsWith(".gz") ? new GZIPOutputStream(raw) : raw,
        StandardCharsets.UTF_8);
        CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get().print(out)) {
      for (CSVRecord row : rows) {
        printer.printRecord(row.values());
      }
    }
    return file;
  }
}
