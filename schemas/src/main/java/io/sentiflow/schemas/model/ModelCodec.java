package io.sentiflow.schemas.model;

import io.sentiflow.avro.ModelChunk;
import io.sentiflow.avro.ModelUpdate;
import io.sentiflow.schemas.Topic;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns model versions into records for the two model topics, each under the broker's message
 * limit: a {@link ModelDelta} into one or more {@code ModelUpdate} parts (the last marked), a
 * whole {@link ModelWeights} into {@code ModelChunk}s followed by their manifest.
 */
public final class ModelCodec {

  /** Payload budget per record, leaving headroom under the broker limit for the envelope. */
  public static final int DEFAULT_MAX_PAYLOAD_BYTES = Topic.MAX_MESSAGE_BYTES - 64 * 1024;

  private ModelCodec() {}

  public static List<ModelUpdate> toUpdates(ModelDelta delta, int maxPayloadBytes) {
    int dim = delta.shape().getDimension();
    int rowsPerPart = rowsPerRecord(dim, maxPayloadBytes);
    int parts = Math.max(1, (delta.rowCount() + rowsPerPart - 1) / rowsPerPart);
    List<ModelUpdate> updates = new ArrayList<>(parts);
    for (int part = 0; part < parts; part++) {
      int from = part * rowsPerPart;
      int to = Math.min(delta.rowCount(), from + rowsPerPart);
      boolean last = part == parts - 1;
      updates.add(ModelUpdate.newBuilder()
          .setModelId(delta.modelId())
          .setVersion(delta.version())
          .setBaseVersion(delta.baseVersion())
          .setPart(part)
          .setLastPart(last)
          .setShape(delta.shape())
          .setSpecHash(delta.specHash())
          .setRowIndices(PackedArrays.packInts(Arrays.copyOfRange(delta.rowIndices(), from, to)))
          .setRowValues(PackedArrays.packFloats(Arrays.copyOfRange(delta.rowValues(), from * dim, to * dim)))
          .setDense(last ? denseAndBias(delta.dense(), delta.bias()) : null)
          .setServable(delta.servable())
          .setMetrics(delta.metrics())
          .setCreatedTime(delta.createdTime())
          .build());
    }
    return updates;
  }

  /** Data chunks of a full snapshot, then the manifest (which carries the dense layer). */
  public static List<ModelChunk> toSnapshot(ModelWeights weights, int maxPayloadBytes) {
    int dim = weights.shape().getDimension();
    int[] buckets = weights.nonZeroBuckets();
    int rowsPerChunk = rowsPerRecord(dim, maxPayloadBytes);
    int chunks = (buckets.length + rowsPerChunk - 1) / rowsPerChunk;
    List<ModelChunk> records = new ArrayList<>(chunks + 1);
    for (int chunk = 0; chunk < chunks; chunk++) {
      int from = chunk * rowsPerChunk;
      int to = Math.min(buckets.length, from + rowsPerChunk);
      float[] values = new float[(to - from) * dim];
      for (int i = from; i < to; i++) {
        System.arraycopy(weights.row(buckets[i]), 0, values, (i - from) * dim, dim);
      }
      records.add(chunkBuilder(weights, chunks)
          .setChunk(chunk)
          .setManifest(false)
          .setRowIndices(PackedArrays.packInts(Arrays.copyOfRange(buckets, from, to)))
          .setRowValues(PackedArrays.packFloats(values))
          .build());
    }
    records.add(chunkBuilder(weights, chunks)
        .setChunk(-1)
        .setManifest(true)
        .setRowIndices(ByteBuffer.allocate(0))
        .setRowValues(ByteBuffer.allocate(0))
        .setDense(denseAndBias(weights.dense(), weights.bias()))
        .build());
    return records;
  }

  /** Kafka key of a snapshot record: {@code modelId/manifest} or {@code modelId/version/chunk}. */
  public static String snapshotKey(ModelChunk chunk) {
    return chunk.getManifest()
        ? chunk.getModelId() + "/manifest"
        : chunk.getModelId() + "/" + chunk.getVersion() + "/" + chunk.getChunk();
  }

  private static ModelChunk.Builder chunkBuilder(ModelWeights weights, int chunks) {
    return ModelChunk.newBuilder()
        .setModelId(weights.modelId())
        .setVersion(weights.version())
        .setChunks(chunks)
        .setShape(weights.shape())
        .setSpecHash(weights.specHash())
        .setDense(null)
        .setServable(weights.servable())
        .setMetrics(weights.metrics())
        .setCreatedTime(weights.createdTime());
  }

  private static int rowsPerRecord(int dim, int maxPayloadBytes) {
    return Math.max(1, maxPayloadBytes / (Integer.BYTES + dim * Float.BYTES));
  }

  private static ByteBuffer denseAndBias(float[] dense, float[] bias) {
    float[] both = Arrays.copyOf(dense, dense.length + bias.length);
    System.arraycopy(bias, 0, both, dense.length, bias.length);
    return PackedArrays.packFloats(both);
  }

  /** Splits a packed {@code dense} field back into W and b. */
  static float[][] unpackDense(ByteBuffer packed, int classes) {
    float[] both = PackedArrays.unpackFloats(packed);
    return new float[][] {Arrays.copyOf(both, both.length - classes),
        Arrays.copyOfRange(both, both.length - classes, both.length)};
  }
}
