package io.sentiflow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentiflow.avro.Comment;
import io.sentiflow.avro.Label;
import io.sentiflow.avro.Sentiment;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.Topic;
import io.sentiflow.schemas.testing.KafkaTestUtils;
import io.sentiflow.schemas.testing.SharedEmbeddedKafka;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sentiflow replay --file} replays any JSONL file through a column and label mapping. */
class ReplayCommandTest {

  private final SharedEmbeddedKafka kafka = SharedEmbeddedKafka.get();
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void replaysAGzippedJsonlFileThroughItsColumnAndLabelMapping(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("reviews.jsonl.gz");
    writeGzip(file, String.join("\n",
        line(1, "loved every minute", 1_420_070_400_000L, "4"),
        line(2, "never again", 1_420_070_460_000L, "0"),
        line(3, "the seat was fine", 1_420_070_520_000L, "4")));

    int exit = Sentiflow.commandLine().execute("replay", "--bootstrap-servers", kafka.bootstrapServers(),
        "--file", file.toString(), "--columns", "id=review,text=body,time=at,label=stars",
        "--labels", "0=negative,4=positive", "--time-format", "epoch-millis", "--label-delay", "fixed:1s");

    assertThat(exit).isZero();
    List<Comment> comments = KafkaTestUtils.readToEnd(kafka, Topic.COMMENTS.topicName(),
            r -> new String(r.key(), StandardCharsets.UTF_8).startsWith(run), 3, Duration.ofSeconds(60))
        .stream().map(r -> Codecs.COMMENT.decode(r.value())).toList();
    assertThat(comments).extracting(c -> c.getId() + " " + c.getEventTime() + " " + c.getText())
        .containsExactlyInAnyOrder(run + "-1 1420070400000 loved every minute", run + "-2 1420070460000 never again",
            run + "-3 1420070520000 the seat was fine");
    List<Label> labels = KafkaTestUtils.readToEnd(kafka, Topic.LABELS.topicName(),
            r -> new String(r.key(), StandardCharsets.UTF_8).startsWith(run), 3, Duration.ofSeconds(60))
        .stream().map(r -> Codecs.LABEL.decode(r.value())).toList();
    assertThat(labels).extracting(l -> l.getCommentId().toString() + "=" + l.getSentiment()).containsExactlyInAnyOrder(
        run + "-1=" + Sentiment.POSITIVE, run + "-2=" + Sentiment.NEGATIVE, run + "-3=" + Sentiment.POSITIVE);
  }

  @Test
  void aFileWithoutAColumnMappingIsAUsageError(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("reviews.jsonl");
    Files.writeString(file, line(1, "fine", 1_420_070_400_000L, "4"));

    int exit = Sentiflow.commandLine().execute("replay", "--bootstrap-servers", kafka.bootstrapServers(),
        "--file", file.toString());

    assertThat(exit).isEqualTo(2);
  }

  private String line(int n, String text, long at, String stars) {
    return "{\"review\":\"" + run + "-" + n + "\",\"body\":\"" + text + "\",\"at\":" + at + ",\"stars\":\"" + stars
        + "\"}";
  }

  private static void writeGzip(Path file, String text) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
