package io.sentiflow.learner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import io.sentiflow.avro.ModelKind;
import io.sentiflow.avro.ModelShape;
import io.sentiflow.learner.optim.AdaGrad;
import io.sentiflow.learner.optim.Sgd;
import io.sentiflow.schemas.model.ModelWeights;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sparse DJL step against the textbook dense gradient of the same loss, computed by hand. */
class SparseStepMathTest {

  private static final int BITS = 6;
  private static final int DIM = 4;
  private static final int CLASSES = 3;
  private static final float L2 = 0.01f;
  private static final float LR = 0.5f;

  private final ModelShape shape = new ModelShape(ModelKind.EMBEDDING_BAG, BITS, DIM, CLASSES);
  private final List<LabelledIds> batch = List.of(
      new LabelledIds(new int[] {1, 5, 5, 9}, 0),
      new LabelledIds(new int[] {9, 12}, 2),
      new LabelledIds(new int[] {3}, 1));

  @Test
  void sparseSgdStepEqualsTheDenseTextbookUpdateOnTouchedRowsAndLeavesTheRestAlone() {
    ModelWeights start = startingWeights();
    float[][] table = denseTable(start);
    float[] w = start.dense();
    float[] b = start.bias();
    DenseGradient expected = DenseGradient.of(table, w, b, batch);

    try (OnlineModel model = new OnlineModel(start, new Sgd(), L2, Device.cpu())) {
      OnlineModel.StepOutcome outcome = model.learn(batch, LR);
      ModelWeights after = model.current();

      assertThat(outcome.touchedRows()).isEqualTo(5);
      for (int bucket : new int[] {1, 3, 5, 9, 12}) {
        for (int j = 0; j < DIM; j++) {
          float textbook = table[bucket][j] - LR * (expected.rows[bucket][j] + L2 * table[bucket][j]);
          assertThat(after.row(bucket)[j]).as("row %d[%d]", bucket, j).isCloseTo(textbook, within(1e-5f));
        }
      }
      for (int bucket = 0; bucket < (1 << BITS); bucket++) {
        if (!List.of(1, 3, 5, 9, 12).contains(bucket)) {
          assertThat(after.row(bucket)).isEqualTo(start.row(bucket));
        }
      }
      float[] newW = after.dense();
      for (int i = 0; i < w.length; i++) {
        assertThat(newW[i]).isCloseTo(w[i] - LR * (expected.dense[i] + L2 * w[i]), within(1e-5f));
      }
      float[] newB = after.bias();
      for (int c = 0; c < CLASSES; c++) {
        assertThat(newB[c]).isCloseTo(b[c] - LR * expected.bias[c], within(1e-5f));
      }
      for (int e = 0; e < batch.size(); e++) {
        float[] before = start.predict(batch.get(e).ids());
        for (int c = 0; c < CLASSES; c++) {
          assertThat(outcome.probabilities()[e][c]).as("prediction before learning")
              .isCloseTo(before[c], within(1e-6f));
        }
      }
    }
  }

  @Test
  void adaGradAccumulatesSquaredGradientsAcrossSteps() {
    ModelWeights start = startingWeights();
    float[][] table = denseTable(start);
    float[] w = start.dense();
    float[] b = start.bias();
    float[][] stateRows = new float[1 << BITS][DIM];
    float[] stateW = new float[w.length];
    float[] stateB = new float[b.length];

    try (OnlineModel model = new OnlineModel(start, new AdaGrad(), L2, Device.cpu())) {
      for (int stepIndex = 0; stepIndex < 2; stepIndex++) {
        DenseGradient g = DenseGradient.of(table, w, b, batch);
        for (int bucket : new int[] {1, 3, 5, 9, 12}) {
          for (int j = 0; j < DIM; j++) {
            float grad = g.rows[bucket][j] + L2 * table[bucket][j];
            stateRows[bucket][j] += grad * grad;
            table[bucket][j] -= LR * grad / ((float) Math.sqrt(stateRows[bucket][j]) + AdaGrad.EPSILON);
          }
        }
        for (int i = 0; i < w.length; i++) {
          float grad = g.dense[i] + L2 * w[i];
          stateW[i] += grad * grad;
          w[i] -= LR * grad / ((float) Math.sqrt(stateW[i]) + AdaGrad.EPSILON);
        }
        for (int c = 0; c < b.length; c++) {
          stateB[c] += g.bias[c] * g.bias[c];
          b[c] -= LR * g.bias[c] / ((float) Math.sqrt(stateB[c]) + AdaGrad.EPSILON);
        }
        model.learn(batch, LR);
      }
      ModelWeights after = model.current();
      for (int bucket : new int[] {1, 3, 5, 9, 12}) {
        for (int j = 0; j < DIM; j++) {
          assertThat(after.row(bucket)[j]).isCloseTo(table[bucket][j], within(1e-4f));
        }
      }
      float[] newW = after.dense();
      for (int i = 0; i < w.length; i++) {
        assertThat(newW[i]).isCloseTo(w[i], within(1e-4f));
      }
    }
  }

  @Test
  void textsWithoutFeaturesTrainOnlyTheBias() {
    ModelWeights start = startingWeights();
    try (OnlineModel model = new OnlineModel(start, new Sgd(), 0f, Device.cpu())) {
      OnlineModel.StepOutcome outcome =
          model.learn(List.of(new LabelledIds(new int[0], 2), new LabelledIds(new int[0], 2)), LR);
      ModelWeights after = model.current();
      assertThat(outcome.touchedRows()).isZero();
      assertThat(outcome.probabilities()[0]).containsExactly(ModelWeights.softmax(start.bias()));
      assertThat(after.bias()[2]).isGreaterThan(start.bias()[2]);
      assertThat(after.sameWeightsAs(start.next(0, Map.of(), start.dense(), after.bias(), true, null, 0L)))
          .as("rows and W unchanged").isTrue();
    }
  }

  private ModelWeights startingWeights() {
    Random random = new Random(7);
    ModelWeights initial = OnlineModel.initialWeights("math", shape, 42L, 3L, 0L);
    Map<Integer, float[]> rows = new HashMap<>();
    for (int bucket : new int[] {1, 5, 9, 20, 33}) {
      float[] row = new float[DIM];
      for (int j = 0; j < DIM; j++) {
        row[j] = (float) random.nextGaussian() * 0.3f;
      }
      rows.put(bucket, row);
    }
    return initial.next(0, rows, initial.dense(), new float[] {0.1f, -0.2f, 0.05f}, true, null, 0L);
  }

  private static float[][] denseTable(ModelWeights weights) {
    float[][] table = new float[weights.buckets()][DIM];
    for (int bucket = 0; bucket < table.length; bucket++) {
      if (weights.row(bucket) != null) {
        table[bucket] = weights.row(bucket).clone();
      }
    }
    return table;
  }

  /** Gradient of the mean cross-entropy over the batch, for the whole table, without L2. */
  private record DenseGradient(float[][] rows, float[] dense, float[] bias) {

    static DenseGradient of(float[][] table, float[] w, float[] b, List<LabelledIds> batch) {
      float[][] rows = new float[table.length][DIM];
      float[] dense = new float[w.length];
      float[] bias = new float[b.length];
      for (LabelledIds example : batch) {
        float[] hidden = new float[DIM];
        for (int id : example.ids()) {
          for (int j = 0; j < DIM; j++) {
            hidden[j] += table[id][j] / example.ids().length;
          }
        }
        float[] logits = b.clone();
        for (int j = 0; j < DIM; j++) {
          for (int c = 0; c < CLASSES; c++) {
            logits[c] += hidden[j] * w[j * CLASSES + c];
          }
        }
        float[] p = ModelWeights.softmax(logits);
        float[] dz = new float[CLASSES];
        for (int c = 0; c < CLASSES; c++) {
          dz[c] = (p[c] - (c == example.label() ? 1 : 0)) / batch.size();
          bias[c] += dz[c];
        }
        for (int j = 0; j < DIM; j++) {
          float dh = 0;
          for (int c = 0; c < CLASSES; c++) {
            dense[j * CLASSES + c] += hidden[j] * dz[c];
            dh += w[j * CLASSES + c] * dz[c];
          }
          for (int id : example.ids()) {
            rows[id][j] += dh / example.ids().length;
          }
        }
      }
      return new DenseGradient(rows, dense, bias);
    }
  }
}
