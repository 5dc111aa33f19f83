package io.sentiflow.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentiflow.avro.Comment;
import io.sentiflow.avro.Label;
import io.sentiflow.avro.Rejected;
import io.sentiflow.ingest.IngestTopics;
import io.sentiflow.ingest.TestTopics;
import io.sentiflow.ingest.privacy.PrivacyConfig;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.testing.KafkaCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replays into a real broker and reads the topics back; run against each kind of cluster. */
abstract class ReplayBrokerContract {

  private static final Path DATA = Path.of(System.getProperty("sentiflow.data.dir", "../../shared/data"));

  @TempDir
  Path dir;

  protected abstract KafkaCluster cluster();

  @Test
  void airlineSliceLandsKeyedByIdWithDelayedLabelsAndNoRawHandle() {
    IngestTopics topics = TestTopics.create(cluster());
    int slice = 400;
    AtomicLong lastProgress = new AtomicLong();
    ReplayConfig config = ReplayConfig.preset(DatasetPreset.AIRLINE, DATA)
        .withTopics(topics)
        .withMaxComments(slice)
        .withLabelDelay(new LabelDelay.Fixed(Duration.ofSeconds(20)))
        .withPrivacy(new PrivacyConfig("broker-test-key", false))
        .withProgressEvery(100);

    ReplayResult result = DatasetReplay.run(cluster().clientProperties(), config,
        (comments, labels) -> lastProgress.set(comments));

    assertThat(result.rowsRead()).isEqualTo(14_640);
    assertThat(result.commentsSent()).isEqualTo(slice);
    assertThat(result.distinctCommentIds()).isEqualTo(slice);
    assertThat(result.labelsSent()).isEqualTo(slice);
    assertThat(result.skippedRows()).isZero();
    assertThat(lastProgress.get()).isEqualTo(slice);

    List<ConsumerRecord<byte[], byte[]>> commentRecords =
        TestTopics.readAll(cluster(), topics.comments());
    List<ConsumerRecord<byte[], byte[]>> labelRecords =
        TestTopics.readAll(cluster(), topics.labels());
    assertThat(commentRecords).hasSize(slice);
    assertThat(labelRecords).hasSize(slice);

    Map<String, Comment> comments = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : commentRecords) {
      Comment comment = Codecs.COMMENT.decode(record.value());
      assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(comment.getId());
      assertThat(comment.getPlatform()).isEqualTo("twitter");
      assertThat(comment.getAuthor()).startsWith("u_");
      comments.put(comment.getId(), comment);
    }
    assertThat(comments).hasSize(slice);
    // Each partition holds its comments in event-time order.
    commentRecords.stream().collect(Collectors.groupingBy(ConsumerRecord::partition)).values().forEach(partition ->
        assertThat(partition).extracting(r -> Codecs.COMMENT.decode(r.value()).getEventTime()).isSorted());
    for (ConsumerRecord<byte[], byte[]> record : labelRecords) {
      Label label = Codecs.LABEL.decode(record.value());
      assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(label.getCommentId());
      assertThat(label.getSource()).isEqualTo("dataset:airline");
      assertThat(label.getLabelTime() - comments.get(label.getCommentId()).getEventTime()).isEqualTo(20_000);
    }

    // Privacy: no raw handle of the slice's authors appears in any byte written (handles that also
    // occur as words in some tweet text are left out of the check, since the text is kept).
    Set<String> handles = rawHandlesOf(comments.keySet());
    String allText = comments.values().stream().map(c -> c.getText().toString().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining("\n"));
    List<String> checkable = handles.stream().filter(h -> !allText.contains(h.toLowerCase(Locale.ROOT))).toList();
    assertThat(checkable).hasSizeGreaterThan(slice / 2);
    List<ConsumerRecord<byte[], byte[]>> everything = new ArrayList<>(commentRecords);
    everything.addAll(labelRecords);
    for (ConsumerRecord<byte[], byte[]> record : everything) {
      String bytes = new String(record.value(), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
      for (String handle : checkable) {
        assertThat(bytes).doesNotContain(handle.toLowerCase(Locale.ROOT));
      }
    }
  }

  @Test
  void invalidRowsBecomeDeadLettersWhileGoodRowsAroundThemLand() throws IOException {
    IngestTopics topics = TestTopics.create(cluster());
    Path file = dir.resolve("mixed.csv");
    Files.writeString(file, """
        id,text,thread,author,time,label
        g1,first good,acme,secret_handle,2020-01-01T00:00:00Z,positive
        ,no id,acme,secret_handle,2020-01-01T00:00:01Z,positive
        b2,bad time,acme,secret_handle,not-a-time,negative
        g2,second good,acme,secret_handle,2020-01-01T00:00:02Z,neutral
        b3,odd label,acme,secret_handle,2020-01-01T00:00:03Z,meh
        g3,third good,acme,secret_handle,2020-01-01T00:00:04Z,
        """);
    ReplayConfig config = ReplayConfig.of(DatasetSpec.of(file,
            new ColumnMapping("id", "text", "thread", "author", "time", "label", null)))
        .withTopics(topics)
        .withLabelDelay(new LabelDelay.Fixed(Duration.ofSeconds(1)));

    ReplayResult result = DatasetReplay.run(cluster().clientProperties(), config, ReplayListener.none());

    assertThat(result).isEqualTo(new ReplayResult(6, 3, 3, 2, 3, 0));
    List<ConsumerRecord<byte[], byte[]>> comments = TestTopics.readAll(cluster(), topics.comments());
    assertThat(comments).extracting(r -> Codecs.COMMENT.decode(r.value()).getId().toString())
        .containsExactlyInAnyOrder("g1", "g2", "g3");
    List<ConsumerRecord<byte[], byte[]>> dead = TestTopics.readAll(cluster(), topics.rejected());
    List<Rejected> rejected = dead.stream().map(r -> Codecs.REJECTED.decode(r.value())).toList();
    assertThat(rejected).extracting(r -> r.getReason().toString()).containsExactly(
        "row 2: missing id (column 'id')",
        "row 3: bad timestamp: 'not-a-time' is not a time in format iso",
        "row 5: unknown label 'meh' (known: " + LabelMapping.names().values().keySet() + ")");
    assertThat(rejected).allSatisfy(r -> {
      assertThat(r.getStage().toString()).isEqualTo("ingest");
      assertThat(r.getSource().toString()).isEqualTo("replay:mixed");
      assertThat(new String(r.getOriginal().array(), StandardCharsets.UTF_8)).doesNotContain("secret_handle");
    });
    assertThat(new String(rejected.get(1).getOriginal().array(), StandardCharsets.UTF_8)).contains("not-a-time");
  }

  @Test
  void aCsvRowThatCannotBeParsedIsDeadLetteredByNumberBeforeTheReplayStops() throws IOException {
    IngestTopics topics = TestTopics.create(cluster());
    Path file = dir.resolve("broken.csv");
    Files.writeString(file, """
        id,text,thread,author,time,label
        g1,fine,acme,someone,2020-01-01T00:00:00Z,positive
        g2,"quote never closed,acme,someone,2020-01-01T00:00:01Z,negative
        g3,after,acme,someone,2020-01-01T00:00:02Z,neutral
        """);
    ReplayConfig config = ReplayConfig.of(DatasetSpec.of(file,
        new ColumnMapping("id", "text", "thread", "author", "time", "label", null))).withTopics(topics);

    assertThatThrownBy(() -> DatasetReplay.run(cluster().clientProperties(), config, ReplayListener.none()))
        .isInstanceOf(ReplayException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("row 2: malformed CSV");

    List<Rejected> rejected = TestTopics.readAll(cluster(), topics.rejected()).stream()
        .map(r -> Codecs.REJECTED.decode(r.value())).toList();
    assertThat(rejected).singleElement().satisfies(r -> {
      assertThat(r.getReason().toString()).startsWith("row 2: malformed CSV (").contains("EOF");
      assertThat(r.getStage().toString()).isEqualTo("ingest");
      assertThat(r.getSource().toString()).isEqualTo("replay:broken");
    });
  }

  /** The raw {@code name} column of the airline rows with these ids, read straight from the file. */
  private static Set<String> rawHandlesOf(Set<String> ids) {
    ColumnMapping raw = new ColumnMapping("tweet_id", "text", null, null, null, "name", null);
    DatasetSpec spec = DatasetPreset.AIRLINE.spec(DATA);
    try (var rows = DatasetReader.open(spec)) {
      return rows.filter(r -> ids.contains(r.field(raw.id()))).map(r -> r.field(raw.label()))
          .collect(Collectors.toSet());
    }
  }
}
