package io.sentiflow.schemas;

import io.sentiflow.avro.Rejected;
import java.nio.ByteBuffer;

/** Builds dead letters for the {@code rejected} topic. */
public final class Rejections {

  private Rejections() {}

  public static Rejected of(String source, String stage, String reason, byte[] key, byte[] original) {
    return Rejected.newBuilder()
        .setSource(source)
        .setStage(stage)
        .setReason(reason)
        .setKey(key == null ? null : ByteBuffer.wrap(key))
        .setOriginal(ByteBuffer.wrap(original == null ? new byte[0] : original))
        .setRejectTime(System.currentTimeMillis())
        .build();
  }
}
