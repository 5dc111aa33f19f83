package io.sentiflow.features;

import io.sentiflow.avro.Comment;
import io.sentiflow.avro.Label;
import io.sentiflow.schemas.SchemaHistory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Event time of a raw record, read at the source so that the Kafka source tracks a watermark per
 * partition: a partition read ahead of the others (a replay, a catch-up) then cannot drag the
 * watermark past comments still waiting in slower partitions and expire their join state early.
 * Bytes whose time cannot be read get {@link Long#MIN_VALUE}, which never advances the watermark;
 * the decoding step sends them to {@code rejected}.
 *
 * <p>Only the time field is read, skipping the fields before it, so that a comment is decoded in
 * full once, by the decoding step, rather than twice.
 */
final class EventTimes {

  private static final LongField COMMENT_TIME = new LongField(Comment.getClassSchema(), "eventTime");
  private static final LongField LABEL_TIME = new LongField(Label.getClassSchema(), "labelTime");

  private EventTimes() {}

  static long ofComment(KafkaBytes record) {
    return COMMENT_TIME.read(record.value);
  }

  static long ofLabel(KafkaBytes record) {
    return LABEL_TIME.read(record.value);
  }

  /**
   * One long field of a single-object encoded record (marker, writer fingerprint, binary body),
   * written with the current schema or any earlier version of it that has the field.
   */
  static final class LongField {

    private static final int HEADER_LENGTH = 2 + Long.BYTES;
    private static final ThreadLocal<BinaryDecoder> DECODERS = new ThreadLocal<>();

    /** By writer fingerprint: the schemas of the fields written before the time field. */
    private final Map<Long, List<Schema>> skipped = new HashMap<>();

    LongField(Schema current, String field) {
      List<Schema> versions = new ArrayList<>(SchemaHistory.versionsOf(current.getName()));
      versions.add(current);
      for (Schema writer : versions) {
        if (writer.getField(field) != null) {
          skipped.put(SchemaNormalization.parsingFingerprint64(writer), writer.getFields().stream()
              .takeWhile(f -> !f.name().equals(field)).map(Schema.Field::schema).toList());
        }
      }
    }

    /** The field's value, or {@link Long#MIN_VALUE} when the bytes are no such record. */
    long read(byte[] bytes) {
      if (bytes == null || bytes.length < HEADER_LENGTH || bytes[0] != (byte) 0xC3 || bytes[1] != 0x01) {
        return Long.MIN_VALUE;
      }
      List<Schema> before = skipped.get(ByteBuffer.wrap(bytes, 2, Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).getLong());
      if (before == null) {
        return Long.MIN_VALUE;
      }
      try {
        BinaryDecoder decoder = DecoderFactory.get()
            .binaryDecoder(bytes, HEADER_LENGTH, bytes.length - HEADER_LENGTH, DECODERS.get());
        DECODERS.set(decoder);
        for (Schema schema : before) {
          GenericDatumReader.skip(schema, decoder);
        }
        return decoder.readLong();
      } catch (IOException | RuntimeException e) {
        return Long.MIN_VALUE;
      }
    }
  }
}
