package io.sentiflow.learner.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import io.sentiflow.avro.ModelKind;
import io.sentiflow.avro.ModelShape;
import io.sentiflow.learner.optim.AdaGrad;
import io.sentiflow.schemas.model.ModelWeights;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddingRowsTest {

  @Test
  void rowsKeepTheirOffsetsAndValuesWhileTheStorageGrows() {
    EmbeddingRows rows = new EmbeddingRows(1 << 16, 4, true);
    int first = rows.offsetOf(42);
    for (int row = 0; row < 5_000; row++) {
      int offset = rows.offsetOf(row * 13);
      rows.values()[offset] = row;
      rows.states()[offset + 3] = -row;
    }
    assertThat(rows.offsetOf(42)).isEqualTo(first);
    float[] copy = new float[4];
    for (int row = 0; row < 5_000; row++) {
      rows.copyRow(row * 13, copy, 0);
      assertThat(copy).containsExactly(row, 0f, 0f, 0f);
      assertThat(rows.states()[rows.offsetOf(row * 13) + 3]).isEqualTo(-row);
    }
    rows.resetStates();
    assertThat(rows.states()).containsOnly(0f);
  }

  @Test
  void aModelStartsWithEveryNonZeroRowOfItsWeights() {
    ModelShape shape = new ModelShape(ModelKind.EMBEDDING_BAG, 14, 3, 3);
    ModelWeights initial = OnlineModel.initialWeights("start", shape, 0L, 1L, 0L);
    Map<Integer, float[]> rows = new HashMap<>();
    for (int bucket = 0; bucket < 3_000; bucket++) {
      rows.put(bucket * 5, new float[] {bucket, 1f, -bucket});
    }
    ModelWeights start = initial.next(1, rows, initial.dense(), initial.bias(), true, null, 0L);
    try (OnlineModel model = new OnlineModel(start, new AdaGrad(), 0f, Device.cpu())) {
      assertThat(model.delta(true, null, 0L).rowCount()).as("nothing changed yet").isZero();
      model.learn(List.of(new LabelledIds(new int[] {5}, 0)), 0.1f);
      ModelWeights current = model.current();
      assertThat(current.row(5)).isNotEqualTo(new float[] {1f, 1f, -1f});
      for (int bucket = 2; bucket < 3_000; bucket++) {
        assertThat(current.row(bucket * 5)).containsExactly(bucket, 1f, -bucket);
      }
    }
  }
}
