package io.sentiflow.schemas.model;

import io.sentiflow.avro.ModelChunk;
import io.sentiflow.avro.ModelUpdate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds a model from its two topics, with no Kafka types: feed it the snapshot records, call
 * {@link #loadSnapshot()}, then feed it the deltas in topic order. Used by the scorer to serve the
 * newest model and by a restarting learner to recover the last committed one.
 *
 * <p>{@link #latest()} is the newest complete version, {@link #served()} the newest one the quality
 * gate let through. Not thread-safe: one thread feeds it;
 * readers on other threads take the immutable {@link ModelWeights} it publishes through the
 * listener or {@link #served()} (a volatile read).
 */
public final class ModelFollower {

  private static final Logger LOG = LoggerFactory.getLogger(ModelFollower.class);

  private final String modelId;
  private final Consumer<ModelWeights> onServedChange;
  private final Map<String, ModelChunk> snapshotRecords = new HashMap<>();
  private final TreeMap<Long, List<ModelUpdate>> pendingParts = new TreeMap<>();
  private ModelWeights latest;
  private volatile ModelWeights served;
  /** The version found incomplete (a part missing below its last one), so it is reported once. */
  private long reportedIncomplete = -1;

  public ModelFollower(String modelId, Consumer<ModelWeights> onServedChange) {
    this.modelId = modelId;
    this.onServedChange = onServedChange;
  }

  /** A record from the snapshot topic; {@code chunk == null} is a tombstone. */
  public void onSnapshotRecord(String key, ModelChunk chunk) {
    if (chunk == null) {
      snapshotRecords.remove(key);
    } else if (modelId.equals(chunk.getModelId())) {
      snapshotRecords.put(key, chunk);
    }
  }

  /**
   * Loads the snapshot the manifest names, if all its chunks are in and it is newer than what is
   * held. Returns whether a snapshot was loaded.
   */
  public boolean loadSnapshot() {
    ModelChunk manifest = snapshotRecords.get(modelId + "/manifest");
    if (manifest == null || (latest != null && manifest.getVersion() <= latest.version())) {
      return false;
    }
    List<ModelChunk> chunks = new ArrayList<>();
    for (int i = 0; i < manifest.getChunks(); i++) {
      ModelChunk chunk = snapshotRecords.get(modelId + "/" + manifest.getVersion() + "/" + i);
      if (chunk == null) {
        LOG.warn("snapshot v{} of {} lacks chunk {}; waiting for it", manifest.getVersion(), modelId, i);
        return false;
      }
      chunks.add(chunk);
    }
    float[][] dense = ModelCodec.unpackDense(manifest.getDense(), manifest.getShape().getClasses());
    Map<Integer, float[]> rows = new HashMap<>();
    int dim = manifest.getShape().getDimension();
    for (ModelChunk chunk : chunks) {
      collectRows(PackedArrays.unpackInts(chunk.getRowIndices()), PackedArrays.unpackFloats(chunk.getRowValues()),
          dim, rows);
    }
    ModelWeights base = ModelWeights.initial(modelId, manifest.getVersion(), manifest.getShape(),
        manifest.getSpecHash(), dense[0], dense[1], manifest.getCreatedTime());
    install(base.next(manifest.getVersion(), rows, dense[0], dense[1], manifest.getServable(),
        manifest.getMetrics(), manifest.getCreatedTime()));
    pendingParts.headMap(manifest.getVersion(), true).clear();
    applyReadyVersions();
    return true;
  }

  /** A record from the updates topic, in topic order. */
  public void onUpdate(ModelUpdate part) {
    if (!modelId.equals(part.getModelId()) || (latest != null && part.getVersion() <= latest.version())) {
      return;
    }
    pendingParts.computeIfAbsent(part.getVersion(), v -> new ArrayList<>()).add(part);
    applyReadyVersions();
  }

  private void applyReadyVersions() {
    while (latest != null && !pendingParts.isEmpty()) {
      long next = latest.version() + 1;
      List<ModelUpdate> parts = pendingParts.get(next);
      if (parts == null) {
        if (pendingParts.firstKey() < next) {
          pendingParts.remove(pendingParts.firstKey());
          continue;
        }
        return;
      }
      if (!complete(parts)) {
        return;
      }
      pendingParts.remove(next);
      install(apply(latest, parts));
    }
  }

  /**
   * Whether every part from 0 to the last one is in. A part lost below the last (undecodable, say)
   * leaves the version incomplete for good: the follower then waits for the next snapshot rather
   * than serve weights the learner never had.
   */
  private boolean complete(List<ModelUpdate> parts) {
    Optional<ModelUpdate> last = parts.stream().filter(ModelUpdate::getLastPart).findFirst();
    if (last.isEmpty()) {
      return false;
    }
    long distinctParts = parts.stream().mapToInt(ModelUpdate::getPart).filter(p -> p <= last.get().getPart())
        .distinct().count();
    boolean complete = distinctParts == last.get().getPart() + 1;
    if (!complete && reportedIncomplete != last.get().getVersion()) {
      reportedIncomplete = last.get().getVersion();
      LOG.error("{} v{} lacks parts below its last part {}; waiting for a newer snapshot", modelId,
          last.get().getVersion(), last.get().getPart());
    }
    return complete;
  }

  private static ModelWeights apply(ModelWeights base, List<ModelUpdate> parts) {
    parts.sort(Comparator.comparingInt(ModelUpdate::getPart));
    int dim = base.shape().getDimension();
    Map<Integer, float[]> rows = new HashMap<>();
    ModelUpdate last = parts.get(parts.size() - 1);
    for (ModelUpdate part : parts) {
      collectRows(PackedArrays.unpackInts(part.getRowIndices()), PackedArrays.unpackFloats(part.getRowValues()),
          dim, rows);
    }
    float[][] dense = ModelCodec.unpackDense(last.getDense(), base.shape().getClasses());
    return base.next(last.getVersion(), rows, dense[0], dense[1], last.getServable(), last.getMetrics(),
        last.getCreatedTime());
  }

  private static void collectRows(int[] indices, float[] values, int dim, Map<Integer, float[]> into) {
    for (int i = 0; i < indices.length; i++) {
      float[] row = new float[dim];
      System.arraycopy(values, i * dim, row, 0, dim);
      into.put(indices[i], row);
    }
  }

  private void install(ModelWeights version) {
    latest = version;
    if (version.servable()) {
      served = version;
      onServedChange.accept(version);
    } else {
      LOG.warn("{} v{} is marked not servable; still serving v{}", modelId, version.version(),
          served == null ? "none" : served.version());
    }
  }

  public Optional<ModelWeights> latest() {
    return Optional.ofNullable(latest);
  }

  public Optional<ModelWeights> served() {
    return Optional.ofNullable(served);
  }

  public String modelId() {
    return modelId;
  }
}
