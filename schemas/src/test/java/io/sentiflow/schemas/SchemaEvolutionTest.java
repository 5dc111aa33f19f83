package io.sentiflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentiflow.avro.Comment;
import io.sentiflow.avro.Label;
import io.sentiflow.avro.Sentiment;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The build-time check that today's readers decode what every earlier writer wrote. */
class SchemaEvolutionTest {

  static java.util.stream.Stream<String> evolvedRecords() {
    return SchemaHistory.PREVIOUS_VERSIONS.keySet().stream();
  }

  @ParameterizedTest
  @MethodSource("evolvedRecords")
  void currentSchemaReadsEveryPreviousVersion(String recordName) throws Exception {
    Schema current = (Schema) Class.forName("io.sentiflow.avro." + recordName).getField("SCHEMA$").get(null);
    for (Schema previous : SchemaHistory.versionsOf(recordName)) {
      SchemaCompatibility.SchemaPairCompatibility result =
          SchemaCompatibility.checkReaderWriterCompatibility(current, previous);
      assertThat(result.getType())
          .as("%s reading %s: %s", recordName, previous, result.getDescription())
          .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }
  }

  @Test
  void decodesACommentWrittenByTheFirstSchemaVersion() {
    Schema v1 = SchemaHistory.versionsOf("Comment").get(0);
    GenericRecord old = new GenericData.Record(v1);
    old.put("id", "c-1");
    old.put("platform", "twitter");
    old.put("thread", "united");
    old.put("text", "lost my bag again");
    old.put("eventTime", 1_424_000_000_000L);
    old.put("ingestTime", 1_424_000_000_500L);
    byte[] written = encode(new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1), old);

    Comment comment = Codecs.COMMENT.decode(written);

    assertThat(comment.getId()).isEqualTo("c-1");
    assertThat(comment.getText()).isEqualTo("lost my bag again");
    assertThat(comment.getLanguage()).isNull();
    assertThat(comment.getAuthor()).isEmpty();
  }

  @Test
  void decodesALabelWrittenByTheFirstSchemaVersion() {
    Schema v1 = SchemaHistory.versionsOf("Label").get(0);
    GenericRecord old = new GenericData.Record(v1);
    old.put("commentId", "c-2");
    old.put("sentiment", new GenericData.EnumSymbol(v1.getField("sentiment").schema(), "POSITIVE"));
    old.put("labelTime", 5L);
    byte[] written = encode(new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1), old);

    Label label = Codecs.LABEL.decode(written);

    assertThat(label.getSentiment()).isEqualTo(Sentiment.POSITIVE);
    assertThat(label.getSource()).isEqualTo("unknown");
  }

  @Test
  void rejectsBytesThatAreNotARecordWithAReason() {
    assertThatThrownBy(() -> Codecs.COMMENT.decode("{\"id\":1}".getBytes()))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("Comment");
    assertThatThrownBy(() -> Codecs.COMMENT.decode(Codecs.LABEL.encode(
            Label.newBuilder().setCommentId("x").setSentiment(Sentiment.NEUTRAL).setLabelTime(1).build())))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("schema");
  }

  @Test
  void everyCodecRoundTrips() {
    Comment comment = Comment.newBuilder().setId("c").setPlatform("p").setThread("t").setText("hi")
        .setLanguage("en").setEventTime(1).setIngestTime(2).build();
    assertThat(Codecs.COMMENT.decode(Codecs.COMMENT.encode(comment))).isEqualTo(comment);
    assertThat(Map.of("rejected", Rejections.of("comments", "features", "why", null, new byte[] {1})))
        .allSatisfy((k, r) -> assertThat(Codecs.REJECTED.decode(Codecs.REJECTED.encode(r))).isEqualTo(r));
  }

  private static byte[] encode(BinaryMessageEncoder<GenericRecord> encoder, GenericRecord record) {
    try {
      ByteBuffer buffer = encoder.encode(record);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
