package io.sentiflow.learner.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A direct buffer kept across batches for handing one array to PyTorch. Creating an NDArray from a
 * Java array makes DJL allocate a fresh direct buffer every time, and that allocation (zeroing,
 * reserving direct memory, freeing it through the GC later) costs about ten times the copy; a
 * tensor created from a direct buffer uses it in place. The contents stay valid until the next
 * claim, so it only backs tensors of the batch being stepped.
 */
final class StagingBuffer {

  private ByteBuffer buffer = ByteBuffer.allocateDirect(0).order(ByteOrder.nativeOrder());

  /** Claims room for the first {@code count} of {@code values} and copies them in. */
  ByteBuffer stage(float[] values, int count) {
    ByteBuffer claimed = claim(count * Float.BYTES);
    claimed.asFloatBuffer().put(values, 0, count);
    return claimed;
  }

  /** The buffer, positioned at 0 and limited to {@code bytes}, grown (doubling) when too small. */
  private ByteBuffer claim(int bytes) {
    if (buffer.capacity() < bytes) {
      buffer = ByteBuffer.allocateDirect(Math.max(bytes, 2 * buffer.capacity())).order(ByteOrder.nativeOrder());
    }
    buffer.clear().limit(bytes);
    return buffer;
  }
}
