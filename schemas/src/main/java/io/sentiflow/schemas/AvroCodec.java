package io.sentiflow.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import io.sentiflow.avro.Comment;
import org.apache.avro.Schema;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Encodes and decodes one record type with Avro single-object encoding: a two-byte marker, the
 * writer schema's 64-bit fingerprint, then the binary body. No registry is needed: the decoder
 * knows the current schema and every earlier one shipped under {@code avro-history/}, so records
 * written by older producers still decode.
 *
 * <p>Thread-safe: the Avro encoder and decoder keep per-thread buffers.
 */
public final class AvroCodec<T extends SpecificRecord> {

  static {
    // Avro 1.12 refuses to instantiate generated classes outside trusted packages.
    ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
        ClassSecurityValidator.DEFAULT,
        type -> type.getPackageName().equals(Comment.class.getPackageName())));
  }

  private final Class<T> type;
  private final Schema schema;
  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;

  public AvroCodec(Class<T> type, Schema schema, List<Schema> previousVersions) {
    this.type = type;
    this.schema = schema;
    this.encoder = new BinaryMessageEncoder<>(SpecificData.get(), schema);
    this.decoder = new BinaryMessageDecoder<>(SpecificData.get(), schema);
    previousVersions.forEach(decoder::addSchema);
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
    try {
      return decoder.decode(bytes);
    } catch (BadHeaderException e) {
      throw new InvalidRecordException("not an Avro single-object encoded " + type.getSimpleName()
          + " (" + e.getMessage() + ")", e);
    } catch (MissingSchemaException e) {
      throw new InvalidRecordException("written with a schema this " + type.getSimpleName()
          + " reader does not know (" + e.getMessage() + ")", e);
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
