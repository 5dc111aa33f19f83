package io.sentiflow.learner.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Direct memory kept across batches for handing a batch's arrays to PyTorch. Creating an NDArray
 * from a Java array makes DJL allocate a fresh direct buffer every time, and that allocation
 * (zeroing, reserving direct memory, freeing it through the GC later) costs about ten times the
 * copy; a tensor created from a direct buffer uses it in place.
 *
 * <p>A step {@link #reset}s the buffer, then stages each array into the next slice of it. A slice
 * stays valid until the next reset: when the buffer runs out, a larger one takes over and the
 * tensors created so far keep the old one alive. So slices only back tensors of the batch being
 * stepped.
 */
final class StagingBuffer {

  /** Slices start on cache-line boundaries, which also suits every element type. */
  private static final int ALIGNMENT = 64;

  private ByteBuffer buffer = ByteBuffer.allocateDirect(0);
  private int used;

  /** Starts a new batch: later slices may reuse the memory of earlier ones. */
  void reset() {
    used = 0;
  }

  /** A slice holding the first {@code count} of {@code values}. */
  ByteBuffer floats(float[] values, int count) {
    ByteBuffer slice = claim(count * Float.BYTES);
    slice.asFloatBuffer().put(values, 0, count);
    return slice;
  }

  /** A slice holding the row-major {@code rows x columns} {@code matrix} transposed, as {@code columns x rows}. */
  ByteBuffer transposed(float[] matrix, int rows, int columns) {
    ByteBuffer slice = claim(rows * columns * Float.BYTES);
    FloatBuffer transposed = slice.asFloatBuffer();
    for (int c = 0; c < columns; c++) {
      for (int r = 0; r < rows; r++) {
        transposed.put(matrix[r * columns + c]);
      }
    }
    return slice;
  }

  /**
   * A slice holding the weight of each example's log-probability of each class in the batch's mean
   * cross-entropy, {@code [classes x examples]}: {@code -1/examples} at the example's label, else 0.
   */
  ByteBuffer lossWeights(int[] labels, int classes) {
    ByteBuffer slice = claim(classes * labels.length * Float.BYTES);
    FloatBuffer weights = slice.asFloatBuffer();
    float weight = -1f / labels.length;
    for (int c = 0; c < classes; c++) {
      for (int label : labels) {
        weights.put(label == c ? weight : 0f);
      }
    }
    return slice;
  }

  /** A slice holding {@code first} then {@code second}, one row of a {@code [2 x n]} index matrix each. */
  ByteBuffer longs(long[] first, long[] second) {
    ByteBuffer slice = claim((first.length + second.length) * Long.BYTES);
    slice.asLongBuffer().put(first).put(second);
    return slice;
  }

  /** The next {@code bytes} of the buffer in native order, growing it (at least doubling) when full. */
  private ByteBuffer claim(int bytes) {
    int start = (used + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    if (start + bytes > buffer.capacity()) {
      int capacity = (Math.max(bytes, 2 * buffer.capacity()) + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
      buffer = ByteBuffer.allocateDirect(capacity + ALIGNMENT).alignedSlice(ALIGNMENT);
      start = 0;
    }
    used = start + bytes;
    return buffer.slice(start, bytes).order(ByteOrder.nativeOrder());
  }
}
