package io.sentiflow.schemas.flink;

import io.sentiflow.schemas.AvroCodec;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializationSchema;

/**
 * Flink serialization schema writing single-object encoded Avro. Holds a supplier rather than the
 * codec because Flink serialises its functions; the codec itself is looked up on each task.
 */
public final class AvroSerializationSchema<T extends SpecificRecord> implements SerializationSchema<T> {

  private static final long serialVersionUID = 1L;

  private final SerializableCodecRef<T> codecRef;
  private transient AvroCodec<T> codec;

  public AvroSerializationSchema(SerializableCodecRef<T> codecRef) {
    this.codecRef = codecRef;
  }

  @Override
  public byte[] serialize(T element) {
    if (codec == null) {
      codec = codecRef.get();
    }
    return codec.encode(element);
  }

  /** A serialisable way to name one of {@link io.sentiflow.schemas.Codecs}' codecs. */
  @FunctionalInterface
  public interface SerializableCodecRef<T extends SpecificRecord> extends Supplier<AvroCodec<T>>, java.io.Serializable {}
}
