package io.sentiflow.learner.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import io.sentiflow.avro.ModelKind;
import io.sentiflow.avro.ModelShape;
import io.sentiflow.learner.optim.Sgd;
import io.sentiflow.schemas.model.ModelDelta;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TouchedRowsTest {

  @Test
  void theBagMatrixHoldsEachExamplesShareOfEveryDistinctBucket() {
    TouchedRows touched = TouchedRows.of(List.of(new int[] {7, 3, 7}, new int[] {900}, new int[0]));
    assertThat(touched.buckets()).containsExactly(3, 7, 900);
    assertThat(touched.examples()).isEqualTo(3);
    assertThat(touched.entryExamples()).containsExactly(0, 0, 1);
    assertThat(touched.entryPositions()).containsExactly(0, 1, 2);
    assertThat(touched.entryWeights()).containsExactly(1 / 3f, 2 / 3f, 1f);
  }

  @Test
  void radixSortOrdersKeysAsAComparisonSortDoes() {
    Random random = new Random(5);
    long[] keys = random.longs(5_000, 0, 1L << 40).toArray();
    long[] expected = keys.clone();
    Arrays.sort(expected);
    assertThat(TouchedRows.radixSort(keys, 0)).containsExactly(expected);
    assertThat(TouchedRows.radixSort(new long[] {0, 0}, 0)).containsExactly(0, 0);
  }

  @Test
  void aStepTouchesTheSameRowsAt2To18And2To22Buckets() {
    Random random = new Random(11);
    List<LabelledIds> batch = random.ints(256, 0, 3).mapToObj(label ->
        new LabelledIds(random.ints(1 + random.nextInt(30), 0, 1 << 18).toArray(), label)).toList();
    long distinct = batch.stream().flatMapToInt(e -> Arrays.stream(e.ids())).distinct().count();

    for (int bits : new int[] {18, 22}) {
      ModelShape shape = new ModelShape(ModelKind.EMBEDDING_BAG, bits, 16, 3);
      try (OnlineModel model = new OnlineModel(OnlineModel.initialWeights("rows", shape, 0L, 1L, 0L), new Sgd(),
          0f, Device.cpu())) {
        OnlineModel.StepOutcome outcome = model.learn(batch, 0.5f);
        ModelDelta delta = model.delta(true, null, 0L);
        assertThat(outcome.touchedRows()).as("rows gathered at 2^%d", bits).isEqualTo((int) distinct);
        assertThat(delta.rowCount()).as("rows changed at 2^%d", bits).isEqualTo((int) distinct);
        assertThat(model.current().nonZeroBuckets()).hasSize((int) distinct);
      }
    }
  }
}
