package io.sentiflow.learner.bench;

import ai.djl.Device;
import io.sentiflow.avro.ModelKind;
import io.sentiflow.avro.ModelShape;
import io.sentiflow.learner.LearnerConfig;
import io.sentiflow.learner.evaluate.LabelledText;
import io.sentiflow.learner.model.Devices;
import io.sentiflow.learner.model.LabelledIds;
import io.sentiflow.learner.model.OnlineModel;
import io.sentiflow.learner.optim.OptimizerKind;
import io.sentiflow.schemas.text.Featurizer;
import io.sentiflow.schemas.text.FeaturizerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Training throughput of the learner's step on already-hashed examples (no Kafka, no featurizing):
 * test-then-train mini-batches through {@link OnlineModel}, as the service runs them. The first
 * pass over the examples warms the JIT and the native library and is not timed.
 */
public final class LearnerThroughput {

  private final Device device;
  private final OptimizerKind optimizer;
  private final double learningRate;

  public LearnerThroughput(String device, int torchThreads, OptimizerKind optimizer, double learningRate) {
    this.device = Devices.resolve(device, torchThreads);
    this.optimizer = optimizer;
    this.learningRate = learningRate;
  }

  /** With the service's defaults: device, PyTorch threads, optimizer and learning rate. */
  public static LearnerThroughput withServiceDefaults() {
    LearnerConfig defaults = LearnerConfig.defaults();
    return new LearnerThroughput(defaults.device(), defaults.torchThreads(), defaults.optimizer(),
        defaults.learningRate());
  }

  /** One measurement. */
  public record Result(String device, int batchSize, int bucketBits, int dimension, long examples, double seconds,
      double examplesPerSecond, double meanTouchedRows) {

    public String toJson() {
      return String.format(Locale.ROOT,
          "{\"device\":\"%s\",\"batch_size\":%d,\"bucket_bits\":%d,\"dimension\":%d,\"examples\":%d,"
              + "\"seconds\":%.3f,\"examples_per_second\":%.1f,\"mean_touched_rows\":%.1f}",
          device, batchSize, bucketBits, dimension, examples, seconds, examplesPerSecond, meanTouchedRows);
    }
  }

  /** Hashes texts once, so the measurement sees ids only. */
  public static List<LabelledIds> hash(List<LabelledText> texts, FeaturizerSpec spec) {
    Featurizer featurizer = new Featurizer(spec);
    List<LabelledIds> out = new ArrayList<>(texts.size());
    for (LabelledText text : texts) {
      out.add(new LabelledIds(featurizer.featurize(text.text()).ids(), text.label()));
    }
    return out;
  }

  /**
   * Trains an EMBEDDING_BAG model of {@code 2^bucketBits x dimension} on {@code examples}, in
   * batches of {@code batchSize}, for one untimed warm-up pass and then {@code passes} timed ones.
   */
  public Result measure(List<LabelledIds> examples, int batchSize, int bucketBits, int dimension, int passes) {
    ModelShape shape = new ModelShape(ModelKind.EMBEDDING_BAG, bucketBits, dimension, LearnerConfig.CLASSES);
    try (OnlineModel model = new OnlineModel(OnlineModel.initialWeights("bench", shape, 0L, 42L, 0L),
        optimizer.create(), 1e-6f, device)) {
      runPass(model, examples, batchSize);
      long touched = 0;
      long batches = 0;
      long started = System.nanoTime();
      for (int pass = 0; pass < passes; pass++) {
        long[] stats = runPass(model, examples, batchSize);
        touched += stats[0];
        batches += stats[1];
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      long trained = (long) examples.size() * passes;
      return new Result(Devices.describe(device), batchSize, bucketBits, dimension, trained, seconds,
          trained / seconds, batches == 0 ? 0 : (double) touched / batches);
    }
  }

  private long[] runPass(OnlineModel model, List<LabelledIds> examples, int batchSize) {
    long touched = 0;
    long batches = 0;
    for (int from = 0; from < examples.size(); from += batchSize) {
      OnlineModel.StepOutcome outcome =
          model.learn(examples.subList(from, Math.min(examples.size(), from + batchSize)), (float) learningRate);
      touched += outcome.touchedRows();
      batches++;
    }
    return new long[] {touched, batches};
  }
}
