package io.sentiflow.learner.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sparse bag matrix: each example's mean over its ids, intact for as long as its manager is open. */
class BagForwardTest {

  @Test
  void bagMatrixHoldsEachExamplesMeanOverItsIdsEvenAfterTheCollectorFreesUnreachableBuffers()
      throws InterruptedException {
    TouchedRows touched = TouchedRows.of(List.of(new int[] {7, 3, 7}, new int[] {3}, new int[] {11, 2}));
    try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager(Device.cpu())) {
      NDArray bag = BagForward.bagMatrix(manager, touched, new StagingBuffer());
      churnDirectMemory();

      float[] dense = bag.toDense().toFloatArray();
      // columns are the distinct ids ascending: 2, 3, 7, 11
      assertThat(dense).containsExactly(
          0f, 1 / 3f, 2 / 3f, 0f,
          0f, 1f, 0f, 0f,
          0.5f, 0f, 0f, 0.5f);
    }
  }

  /** Lets the collector and the direct-buffer cleaner run, and reuses whatever memory they free. */
  private static void churnDirectMemory() throws InterruptedException {
    for (int round = 0; round < 5; round++) {
      System.gc();
      Thread.sleep(20);
      List<ByteBuffer> filler = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(4096);
        while (buffer.hasRemaining()) {
          buffer.put((byte) 0x7f);
        }
        filler.add(buffer);
      }
    }
  }
}
