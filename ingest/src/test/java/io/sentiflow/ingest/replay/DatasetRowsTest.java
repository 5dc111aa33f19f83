package io.sentiflow.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentiflow.avro.Sentiment;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a dataset into rows without Kafka gives what a replay would write, in the replay's order. */
class DatasetRowsTest {

  private static final Path DATA = Path.of(System.getProperty("sentiflow.data.dir", "../../shared/data"));

  @TempDir
  Path dir;

  @Test
  void gzipJsonLinesInEventTimeOrderWithoutRejectedOrRepeatedRows() throws IOException {
    Path file = dir.resolve("reviews.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("""
          {"id":"a","body":"late again","stars":"1","ts":3000}
          {"id":"b","body":"no opinion","ts":1000}
          {"id":"c","body":"lovely crew","stars":"5","ts":2000}
          {"id":"c","body":"lovely crew","stars":"5","ts":2000}
          {"id":"d","body":"","stars":"5","ts":1500}
          {"id":"e","body":"meh","stars":"3","ts":"yesterday"}
          """.getBytes(StandardCharsets.UTF_8));
    }
    DatasetSpec spec = DatasetSpec.of(file, ColumnMapping.parse("id=id,text=body,time=ts,label=stars"))
        .withTimeFormat(TimeFormat.of("epoch-millis"))
        .withLabels(LabelMapping.parse("1=negative,3=neutral,5=positive"));

    DatasetRows read = DatasetRows.read(spec);

    assertThat(read.rows()).containsExactly(
        new DatasetRows.Row("no opinion", null, 1000),
        new DatasetRows.Row("lovely crew", Sentiment.POSITIVE, 2000),
        new DatasetRows.Row("late again", Sentiment.NEGATIVE, 3000));
    assertThat(read.labelled()).extracting(DatasetRows.Row::text).containsExactly("lovely crew", "late again");
    assertThat(read.rowsRead()).isEqualTo(6);
    assertThat(read.rejectedRows()).isEqualTo(2);
    assertThat(read.duplicateRows()).isEqualTo(1);
  }

  @Test
  void withoutATimeColumnTheRowsKeepFileOrder() throws IOException {
    Path file = Files.writeString(dir.resolve("plain.csv"), "text,label\nwritten first,positive\nwritten second,negative\n");

    DatasetRows read = DatasetRows.read(DatasetSpec.of(file, ColumnMapping.parse("text=text,label=label")));

    assertThat(read.rows()).extracting(DatasetRows.Row::text).containsExactly("written first", "written second");
  }

  @Test
  void readsTheOtherPresetsWithTheirLabelsAndIsoTimes() {
    DatasetRows sentiment140 = DatasetRows.read(DatasetPreset.SENTIMENT140.spec(DATA));
    assertThat(sentiment140.rowsRead()).isEqualTo(37_518);
    assertThat(sentiment140.labelled()).hasSize(sentiment140.rows().size()).extracting(DatasetRows.Row::label)
        .containsOnly(Sentiment.NEGATIVE, Sentiment.POSITIVE);
    assertThat(sentiment140.rows().get(0).eventTime()).isEqualTo(Instant.parse("2009-04-07T05:19:45Z").toEpochMilli());

    DatasetRows semEval = DatasetRows.read(DatasetPreset.SEMEVAL.spec(DATA));
    List<DatasetRows.Row> labelled = semEval.labelled();
    assertThat(labelled).hasSize(49_570).extracting(DatasetRows.Row::label)
        .containsOnly(Sentiment.NEGATIVE, Sentiment.NEUTRAL, Sentiment.POSITIVE);
  }
}
