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
 * gate let through (or the version an operator pinned). Not thread-safe: one thread feeds it;
 * readers on other threads take the immutable {@link ModelWeights} it publishes through the
 * listener or {@link #served()} (a volatile read).
 */
public final class ModelFollower {

  private static final Logger LOG = LoggerFactory.getLogger(ModelFollower.class);

  private final String modelId;
  private final Consumer<ModelWeights> onServedChange;
  private final Map<String, ModelChunk> snapshotRecords = new HashMap<>();
  private final TreeMap<Long, List<ModelUpdate>> pendingParts = new TreeMap<>();
  private final Map<Long, ModelWeights> recentServable = new HashMap<>();
  private ModelWeights latest;
  private volatile ModelWeights served;
  private Long pinnedVersion;

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
      collectRows(PackedFloats.unpackInts(chunk.getRowIndices()), PackedFloats.unpackFloats(chunk.getRowValues()),
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
      if (parts.stream().noneMatch(ModelUpdate::getLastPart)) {
        return;
      }
      pendingParts.remove(next);
      install(apply(latest, parts));
    }
  }

  private static ModelWeights apply(ModelWeights base, List<ModelUpdate> parts) {
    parts.sort(Comparator.comparingInt(ModelUpdate::getPart));
    int dim = base.shape().getDimension();
    Map<Integer, float[]> rows = new HashMap<>();
    ModelUpdate last = parts.get(parts.size() - 1);
    for (ModelUpdate part : parts) {
      collectRows(PackedFloats.unpackInts(part.getRowIndices()), PackedFloats.unpackFloats(part.getRowValues()),
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
      recentServable.put(version.version(), version);
      recentServable.keySet().removeIf(v -> v < version.version() - RETAINED_VERSIONS);
      if (pinnedVersion == null) {
        serve(version);
      }
    } else {
      LOG.warn("{} v{} is marked not servable; still serving v{}", modelId, version.version(),
          served == null ? "none" : served.version());
    }
  }

  private void serve(ModelWeights version) {
    served = version;
    onServedChange.accept(version);
  }

  /**
   * Serves {@code version} until {@link #unpin()}, if it is one of the last servable versions held.
   * Returns whether it could.
   */
  public boolean pin(long version) {
    ModelWeights held = recentServable.get(version);
    if (held == null) {
      return false;
    }
    pinnedVersion = version;
    serve(held);
    return true;
  }

  /** Back to serving the newest servable version. */
  public void unpin() {
    pinnedVersion = null;
    recentServable.keySet().stream().max(Long::compare).map(recentServable::get).ifPresent(this::serve);
  }

  /** How many servable versions back an operator can pin. */
  public static final int RETAINED_VERSIONS = 32;

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
