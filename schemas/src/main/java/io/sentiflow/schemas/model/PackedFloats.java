package io.sentiflow.schemas.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Little-endian packing of int and float arrays into Avro {@code bytes} fields. */
final class PackedFloats {

  private PackedFloats() {}

  static ByteBuffer packFloats(float[] values) {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(values);
    return buffer;
  }

  static ByteBuffer packInts(int[] values) {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asIntBuffer().put(values);
    return buffer;
  }

  static float[] unpackFloats(ByteBuffer bytes) {
    ByteBuffer le = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    float[] values = new float[le.remaining() / Float.BYTES];
    le.asFloatBuffer().get(values);
    return values;
  }

  static int[] unpackInts(ByteBuffer bytes) {
    ByteBuffer le = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    int[] values = new int[le.remaining() / Integer.BYTES];
    le.asIntBuffer().get(values);
    return values;
  }
}
