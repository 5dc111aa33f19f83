package io.sentiflow.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.sentiflow.avro.Comment;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Encodes and decodes one record type with Avro single-object encoding: a two-byte marker, the
 * writer schema's 64-bit fingerprint, then the binary body. No registry is needed: the decoder
 * knows the current schema and every earlier one shipped under {@code avro-history/}, so records
 * written by older producers still decode.
 *
 * <p>Thread-safe: the Avro encoder and decoder keep per-thread buffers.
 *
 * <p>Decoding reads the header itself, then the body with a buffered decoder straight off the byte
 * array: Avro's {@code BinaryMessageDecoder} pulls every byte through an {@code InputStream}, and
 * every stage decodes every record it consumes.
 */
public final class AvroCodec<T extends SpecificRecord> {

  static {
    // Avro 1.12 refuses to instantiate generated classes outside trusted packages.
    ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
        ClassSecurityValidator.DEFAULT,
        type -> type.getPackageName().equals(Comment.class.getPackageName())));
  }

  /** Single-object encoding's marker, then the writer schema's CRC-64-AVRO fingerprint, little-endian. */
  private static final byte[] MARKER = {(byte) 0xC3, 0x01};
  private static final int HEADER_LENGTH = MARKER.length + Long.BYTES;
  private static final ThreadLocal<BinaryDecoder> DECODERS = new ThreadLocal<>();

  private final Class<T> type;
  private final Schema schema;
  private final BinaryMessageEncoder<T> encoder;
  /** A reader into the current schema for each writer schema this codec knows, by fingerprint. */
  private final Map<Long, DatumReader<T>> readers = new HashMap<>();

  public AvroCodec(Class<T> type, Schema schema, List<Schema> previousVersions) {
    this.type = type;
    this.schema = schema;
    this.encoder = new BinaryMessageEncoder<>(SpecificData.get(), schema);
    readers.put(SchemaNormalization.parsingFingerprint64(schema),
        new SpecificDatumReader<>(schema, schema, SpecificData.get()));
    for (Schema previous : previousVersions) {
      readers.putIfAbsent(SchemaNormalization.parsingFingerprint64(previous),
          new SpecificDatumReader<>(previous, schema, SpecificData.get()));
    }
  }

  public Class<T> type() {
    return type;
  }

  public Schema schema() {
    return schema;
  }

  public byte[] encode(T record) {
    try {
      ByteBuffer buffer = encoder.encode(record);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode " + type.getSimpleName(), e);
    }
  }

  /**
   * Decodes bytes written by this schema or any earlier version of it.
   *
   * @throws InvalidRecordException with a reason fit for a dead letter when the bytes are not a
   *     {@code T}
   */
  public T decode(byte[] bytes) {
    if (bytes == null) {
      throw new InvalidRecordException("no value (null) where a " + type.getSimpleName() + " was expected");
    }
    if (bytes.length < HEADER_LENGTH || bytes[0] != MARKER[0] || bytes[1] != MARKER[1]) {
      throw new InvalidRecordException("not an Avro single-object encoded " + type.getSimpleName()
          + " (no single-object header in " + bytes.length + " bytes)");
    }
    long fingerprint = ByteBuffer.wrap(bytes, MARKER.length, Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).getLong();
    DatumReader<T> reader = readers.get(fingerprint);
    if (reader == null) {
      throw new InvalidRecordException("written with a schema this " + type.getSimpleName()
          + " reader does not know (fingerprint " + Long.toHexString(fingerprint) + ")");
    }
    try {
      BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, HEADER_LENGTH, bytes.length - HEADER_LENGTH,
          DECODERS.get());
      DECODERS.set(decoder);
      return reader.read(null, decoder);
    } catch (IOException | RuntimeException e) {
      throw new InvalidRecordException("corrupt " + type.getSimpleName() + " body: " + e, e);
    }
  }

  /** The earlier schema versions of {@code recordName} shipped as {@code avro-history/NAME-vN.avsc}. */
  static List<Schema> history(String recordName) {
    return SchemaHistory.versionsOf(recordName);
  }

  /** Reads one schema file from the classpath. */
  static Schema parseResource(String resource) {
    try (InputStream in = AvroCodec.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing schema resource " + resource);
      }
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
