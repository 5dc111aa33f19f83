package io.sentiflow.schemas.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Little-endian packing of number arrays into Avro {@code bytes} fields, for the model and learner-state records. */
public final class PackedArrays {

  private PackedArrays() {}

  public static ByteBuffer packFloats(float[] values) {
    return packFloats(values, 0, values.length);
  }

  /** The {@code count} values from {@code from}. */
  public static ByteBuffer packFloats(float[] values, int from, int count) {
    ByteBuffer buffer = ByteBuffer.allocate(count * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(values, from, count);
    return buffer;
  }

  public static float[] unpackFloats(ByteBuffer bytes) {
    ByteBuffer le = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    float[] values = new float[le.remaining() / Float.BYTES];
    le.asFloatBuffer().get(values);
    return values;
  }

  public static ByteBuffer packInts(int[] values) {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asIntBuffer().put(values);
    return buffer;
  }

  public static int[] unpackInts(ByteBuffer bytes) {
    ByteBuffer le = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    int[] values = new int[le.remaining() / Integer.BYTES];
    le.asIntBuffer().get(values);
    return values;
  }

  public static ByteBuffer packDoubles(double[] values) {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asDoubleBuffer().put(values);
    return buffer;
  }

  public static double[] unpackDoubles(ByteBuffer bytes) {
    ByteBuffer le = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    double[] values = new double[le.remaining() / Double.BYTES];
    le.asDoubleBuffer().get(values);
    return values;
  }

  /** Small values (class indices), one byte each. */
  public static ByteBuffer packBytes(int[] values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return ByteBuffer.wrap(bytes);
  }

  public static int[] unpackBytes(ByteBuffer bytes) {
    ByteBuffer view = bytes.duplicate();
    int[] values = new int[view.remaining()];
    for (int i = 0; i < values.length; i++) {
      values[i] = view.get();
    }
    return values;
  }
}
