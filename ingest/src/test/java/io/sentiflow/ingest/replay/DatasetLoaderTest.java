package io.sentiflow.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentiflow.avro.Sentiment;
import io.sentiflow.ingest.privacy.AuthorPseudonymizer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Column mappings, formats and the reasons invalid rows are turned away, on small synthetic files. */
class DatasetLoaderTest {

  private static final String KEY = "test-key";
  private static final ColumnMapping CSV_COLUMNS = new ColumnMapping("id", "body", "brand", "handle", "ts", "mood", null);

  @TempDir
  Path dir;

  private record Loaded(List<DatasetRecord> records, List<DatasetLoader.Rejection> rejections, DatasetLoader loader) {}

  private Loaded load(ReplayConfig config) {
    List<DatasetLoader.Rejection> rejections = new ArrayList<>();
    DatasetLoader loader = new DatasetLoader(config, rejections::add);
    try (Stream<DatasetRecord> comments = loader.comments()) {
      return new Loaded(comments.toList(), rejections, loader);
    }
  }

  private ReplayConfig config(DatasetSpec spec) {
    return ReplayConfig.of(spec).withPrivacy(ReplayConfig.of(spec).privacy().withPseudonymKey(KEY));
  }

  private Path gzip(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  @Test
  void gzipCsvWithQuotedNewlinesBadRowsAndRepeats() throws IOException {
    Path file = gzip("comments.csv.gz", """
        id,body,brand,handle,ts,mood
        1,"late again,
        second line",Acme,alice_h,2015-02-17T10:00:00Z,negative
        2,fine,Acme,bob_h,2015-02-17T09:00:00Z,
        ,no id,Acme,carol_h,2015-02-17T09:00:00Z,positive
        4,,Acme,dave_h,2015-02-17T09:00:00Z,positive
        5,bad time,Acme,erin_h,yesterday,positive
        6,odd label,Acme,frank_h,2015-02-17T09:00:00Z,ecstatic
        1,"late again,
        second line",Acme,alice_h,2015-02-17T10:00:00Z,negative
        1,different,Acme,alice_h,2015-02-17T10:00:00Z,negative
        7,short row
        """);

    Loaded loaded = load(config(DatasetSpec.of(file, CSV_COLUMNS)));

    assertThat(loaded.loader().rowsRead()).isEqualTo(9);
    assertThat(loaded.records()).extracting(DatasetRecord::id).containsExactly("2", "1");
    DatasetRecord first = loaded.records().get(1);
    assertThat(first.text()).isEqualTo("late again,\nsecond line");
    assertThat(first.thread()).isEqualTo("Acme");
    assertThat(first.label()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(first.author()).isEqualTo(new AuthorPseudonymizer(KEY).pseudonymOf("alice_h"));
    assertThat(loaded.records().get(0).label()).isNull();
    assertThat(loaded.loader().duplicateRows()).isEqualTo(1);
    assertThat(loaded.rejections()).extracting(DatasetLoader.Rejection::reason).containsExactly(
        "row 3: missing id (column 'id')",
        "row 4: missing text (column 'body')",
        "row 5: bad timestamp: 'yesterday' is not a time in format iso",
        "row 6: unknown label 'ecstatic' (known: " + LabelMapping.names().values().keySet() + ")",
        "id 1 was already replayed with different content",
        "row 9: missing time (column 'ts')");
    assertThat(loaded.loader().rejectedRows()).isEqualTo(6);
    for (DatasetLoader.Rejection rejection : loaded.rejections()) {
      String original = new String(rejection.original(), StandardCharsets.UTF_8);
      assertThat(original).doesNotContain("_h\"").doesNotContainPattern("(alice|bob|carol|dave|erin|frank)_h");
    }
    assertThat(new String(loaded.rejections().get(2).original(), StandardCharsets.UTF_8)).contains("yesterday");
  }

  @Test
  void jsonLinesWithPointersBrokenLinesAndTooLongText() throws IOException {
    Path file = dir.resolve("comments.jsonl");
    Files.writeString(file, String.join("\n",
        "{\"id\": 11, \"text\": \"hello @friend\", \"user\": {\"name\": \"zed\"}, \"at\": 1424163600000, \"label\": \"positive\"}",
        "{\"id\": 12, \"text\": \"broken\", \"user\": {\"name\": \"zed\"",
        "",
        "[1, 2]",
        "{\"id\": 13, \"text\": \"" + "x".repeat(50) + "\", \"at\": 1424163600001}",
        "{\"id\": 14, \"text\": \"early \\u002c bird\", \"at\": 1424163500000, \"label\": \"NEUTRAL\"}"));
    DatasetSpec spec = new DatasetSpec(file, null, DatasetFormat.JSONL,
        new ColumnMapping("id", "text", null, "/user/name", "at", "label", null), TimeFormat.of("epoch-millis"),
        LabelMapping.names(), "feed", "forum", "general", null, DatasetPreset.SYNTHETIC_START, java.time.Duration.ofSeconds(1),
        false, true);
    ReplayConfig config = config(spec).withMaxTextChars(40)
        .withPrivacy(new io.sentiflow.ingest.privacy.PrivacyConfig(KEY, true));

    Loaded loaded = load(config);

    assertThat(loaded.records()).extracting(DatasetRecord::id).containsExactly("14", "11");
    assertThat(loaded.records().get(1).text()).isEqualTo("hello @user");
    assertThat(loaded.records().get(1).thread()).isEqualTo("general");
    assertThat(loaded.records().get(1).author()).isEqualTo(new AuthorPseudonymizer(KEY).pseudonymOf("zed"));
    assertThat(loaded.records().get(0).label()).isEqualTo(Sentiment.NEUTRAL);
    assertThat(loaded.rejections()).extracting(DatasetLoader.Rejection::reason)
        .anySatisfy(r -> assertThat(r).startsWith("row 2: broken JSON"))
        .anySatisfy(r -> assertThat(r).isEqualTo("row 4: not a JSON object"))
        .anySatisfy(r -> assertThat(r).isEqualTo("row 5: text has 50 characters, more than the limit of 40"));
    assertThat(loaded.rejections()).allSatisfy(r ->
        assertThat(new String(r.original(), StandardCharsets.UTF_8)).doesNotContain("zed"));
  }

  @Test
  void unsortedReplayKeepsFileOrderAndStopsAtTheLimit() throws IOException {
    Path file = dir.resolve("c.csv");
    Files.writeString(file, "id,body,brand,handle,ts,mood\n"
        + "a,t,b,h,2015-02-17T10:00:00Z,positive\n"
        + "b,t,b,h,2015-02-17T09:00:00Z,positive\n"
        + "c,t,b,h,2015-02-17T08:00:00Z,positive\n");

    Loaded loaded = load(config(DatasetSpec.of(file, CSV_COLUMNS).withSortByEventTime(false)).withMaxComments(2));

    assertThat(loaded.records()).extracting(DatasetRecord::id).containsExactly("a", "b");
  }

  @Test
  void missingFileSaysWhereItLooked() {
    Path missing = dir.resolve("nope.csv.gz");

    assertThatThrownBy(() -> load(config(DatasetSpec.of(missing, CSV_COLUMNS))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(missing.toAbsolutePath().toString());
  }

  @Test
  void mappingsParseFromTheCommandLineSyntax() {
    assertThat(ColumnMapping.parse("id=tweet_id,text=text,author=name,time=tweet_created"))
        .isEqualTo(new ColumnMapping("tweet_id", "text", null, "name", "tweet_created", null, null));
    assertThat(LabelMapping.parse("0=negative,4=Positive").sentimentOf("4")).contains(Sentiment.POSITIVE);
    assertThatThrownBy(() -> ColumnMapping.parse("id=x")).hasMessageContaining("text=COLUMN");
    assertThatThrownBy(() -> ColumnMapping.parse("body=x")).hasMessageContaining("FIELD one of");
    assertThatThrownBy(() -> LabelMapping.parse("0=angry")).hasMessageContaining("angry");
  }

  @Test
  void timeFormatsParseTheDatasetsConventions() {
    assertThat(TimeFormat.of("yyyy-MM-dd HH:mm:ss Z").parseMillis("2015-02-24 11:35:52 -0800"))
        .isEqualTo(java.time.Instant.parse("2015-02-24T19:35:52Z").toEpochMilli());
    assertThat(TimeFormat.ISO.parseMillis("2011-07-12T17:18:44.991Z")).isEqualTo(1310491124991L);
    assertThat(TimeFormat.ISO.parseMillis("2015-02-24T11:35:52-08:00"))
        .isEqualTo(java.time.Instant.parse("2015-02-24T19:35:52Z").toEpochMilli());
    assertThat(TimeFormat.of("epoch-seconds").parseMillis("1424807752")).isEqualTo(1424807752000L);
  }
}
