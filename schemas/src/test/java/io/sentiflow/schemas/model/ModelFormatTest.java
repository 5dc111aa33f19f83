package io.sentiflow.schemas.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sentiflow.avro.ModelChunk;
import io.sentiflow.avro.ModelKind;
import io.sentiflow.avro.ModelShape;
import io.sentiflow.avro.ModelUpdate;
import io.sentiflow.schemas.Codecs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModelFormatTest {

  private static final ModelShape BAG = new ModelShape(ModelKind.EMBEDDING_BAG, 10, 2, 3);

  @Test
  void forwardPassAveragesRowsThroughTheDenseLayer() {
    // W = [[1,0,-1],[0,2,0]], b = [0.1,0,0]; rows 3 -> (1,1), 7 -> (3,-1)
    ModelWeights w = ModelWeights.initial("m", 0, BAG, 42, new float[] {1, 0, -1, 0, 2, 0}, new float[] {0.1f, 0, 0}, 0)
        .next(1, Map.of(3, new float[] {1, 1}, 7, new float[] {3, -1}), new float[] {1, 0, -1, 0, 2, 0},
            new float[] {0.1f, 0, 0}, true, null, 0);

    // hidden = mean((1,1),(3,-1),(0,0)) = (4/3, 0)
    float[] logits = w.logits(new int[] {3, 7, 9});
    assertThat(logits[0]).isCloseTo(4f / 3 + 0.1f, within(1e-6f));
    assertThat(logits[1]).isCloseTo(0f, within(1e-6f));
    assertThat(logits[2]).isCloseTo(-4f / 3, within(1e-6f));
    float[] p = w.predict(new int[] {3, 7, 9});
    assertThat(p[0] + p[1] + p[2]).isCloseTo(1f, within(1e-6f));
    assertThat(ModelWeights.argmax(p)).isZero();
    // contributions to class 0 add up to the logit minus the bias
    float[] c = w.contributions(new int[] {3, 7, 9}, 0);
    assertThat(c[0] + c[1] + c[2]).isCloseTo(4f / 3, within(1e-6f));
    assertThat(c[2]).isZero();
  }

  @Test
  void linearModelIsLogisticRegressionOnTheMeanRow() {
    ModelShape linear = new ModelShape(ModelKind.LINEAR, 4, 3, 3);
    ModelWeights w = ModelWeights.initial("m", 0, linear, 1, new float[0], new float[] {0, 0, 1}, 0)
        .next(1, Map.of(2, new float[] {2, 0, 0}), new float[0], new float[] {0, 0, 1}, true, null, 0);
    assertThat(w.logits(new int[] {2, 5})).containsExactly(1f, 0f, 1f);
  }

  @Test
  void followerRebuildsTheSameWeightsFromASnapshotAndMultiPartDeltas() {
    Random random = new Random(7);
    ModelWeights v0 = ModelWeights.initial("m", 0, BAG, 42, randomFloats(random, 6), randomFloats(random, 3), 0);
    List<ModelWeights> versions = new ArrayList<>(List.of(v0));
    List<ModelUpdate> updates = new ArrayList<>();
    for (int v = 1; v <= 3; v++) {
      int[] rows = random.ints(200, 0, 1 << 10).distinct().toArray();
      float[] values = randomFloats(random, rows.length * 2);
      ModelDelta delta = new ModelDelta("m", v, v - 1, BAG, 42, rows, values, randomFloats(random, 6),
          randomFloats(random, 3), true, null, v);
      // 100-byte parts force every delta into several records
      ModelCodec.toUpdates(delta, 100).forEach(u -> updates.add(Codecs.MODEL_UPDATE.decode(Codecs.MODEL_UPDATE.encode(u))));
      Map<Integer, float[]> changed = new java.util.HashMap<>();
      for (int i = 0; i < rows.length; i++) {
        changed.put(rows[i], new float[] {values[2 * i], values[2 * i + 1]});
      }
      versions.add(versions.get(v - 1).next(v, changed, delta.dense(), delta.bias(), true, null, v));
    }
    assertThat(updates.size()).isGreaterThan(3);

    List<ModelWeights> served = new ArrayList<>();
    ModelFollower follower = new ModelFollower("m", served::add);
    ModelCodec.toSnapshot(versions.get(1), 100).forEach(c -> follower.onSnapshotRecord(ModelCodec.snapshotKey(c), c));
    assertThat(follower.loadSnapshot()).isTrue();
    updates.forEach(follower::onUpdate); // includes v1, which the snapshot already holds

    assertThat(follower.latest()).get().extracting(ModelWeights::version).isEqualTo(3L);
    assertThat(follower.latest().get().sameWeightsAs(versions.get(3))).isTrue();
    assertThat(served).extracting(ModelWeights::version).containsExactly(1L, 2L, 3L);
  }

  @Test
  void followerWaitsForEveryPartAndNeverServesAGatedVersion() {
    ModelWeights v0 = ModelWeights.initial("m", 0, BAG, 42, new float[6], new float[3], 0);
    List<ModelWeights> served = new ArrayList<>();
    ModelFollower follower = new ModelFollower("m", served::add);
    snapshot(follower, v0);

    List<ModelUpdate> parts = ModelCodec.toUpdates(delta(1, true), 20);
    parts.subList(0, parts.size() - 1).forEach(follower::onUpdate);
    assertThat(follower.latest().get().version()).isZero();
    follower.onUpdate(parts.get(parts.size() - 1));
    assertThat(follower.latest().get().version()).isEqualTo(1);

    ModelCodec.toUpdates(delta(2, false), 1000).forEach(follower::onUpdate);
    assertThat(follower.latest().get().version()).isEqualTo(2);
    assertThat(follower.served().get().version()).isEqualTo(1);
    assertThat(served).extracting(ModelWeights::version).containsExactly(0L, 1L);
  }

  @Test
  void aVersionMissingAPartBelowItsLastIsNeverApplied() {
    ModelWeights v0 = ModelWeights.initial("m", 0, BAG, 42, new float[6], new float[3], 0);
    ModelFollower follower = new ModelFollower("m", w -> { });
    snapshot(follower, v0);

    List<ModelUpdate> parts = ModelCodec.toUpdates(delta(1, true), 20);
    assertThat(parts).hasSizeGreaterThan(2);
    parts.subList(0, parts.size() - 1).stream().skip(1).forEach(follower::onUpdate); // part 0 lost
    follower.onUpdate(parts.get(parts.size() - 1));
    assertThat(follower.latest().get().version()).isZero();

    follower.onUpdate(parts.get(0));
    assertThat(follower.latest().get().version()).isEqualTo(1);
  }

  @Test
  void newerSnapshotTombstonesDoNotBreakTheOneInUse() {
    ModelWeights v5 = ModelWeights.initial("m", 5, BAG, 42, new float[6], new float[3], 0)
        .next(5, Map.of(1, new float[] {1, 2}), new float[6], new float[3], true, null, 0);
    ModelFollower follower = new ModelFollower("m", w -> { });
    List<ModelChunk> chunks = ModelCodec.toSnapshot(v5, 1000);
    // the manifest arrives before a chunk: nothing is loaded yet
    ModelChunk manifest = chunks.get(chunks.size() - 1);
    follower.onSnapshotRecord(ModelCodec.snapshotKey(manifest), manifest);
    assertThat(follower.loadSnapshot()).isFalse();
    chunks.forEach(c -> follower.onSnapshotRecord(ModelCodec.snapshotKey(c), c));
    assertThat(follower.loadSnapshot()).isTrue();
    assertThat(follower.latest().get().row(1)).containsExactly(1f, 2f);
  }

  private static void snapshot(ModelFollower follower, ModelWeights weights) {
    ModelCodec.toSnapshot(weights, 1000).forEach(c -> follower.onSnapshotRecord(ModelCodec.snapshotKey(c), c));
    follower.loadSnapshot();
  }

  private static ModelDelta delta(long version, boolean servable) {
    return new ModelDelta("m", version, version - 1, BAG, 42, new int[] {1, 2, 3},
        new float[] {1, 1, 2, 2, 3, 3}, new float[6], new float[3], servable, null, 0);
  }

  private static float[] randomFloats(Random random, int n) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return values;
  }
}
