package io.sentiflow.learner.evaluate;

import io.sentiflow.learner.LearnerConfig;
import io.sentiflow.learner.metrics.PrequentialWindow;
import io.sentiflow.learner.model.Devices;
import io.sentiflow.learner.model.LabelledIds;
import io.sentiflow.learner.model.OnlineModel;
import io.sentiflow.learner.optim.LearningRateSchedule;
import io.sentiflow.schemas.model.ModelWeights;
import io.sentiflow.schemas.text.Featurizer;
import io.sentiflow.schemas.text.FeaturizerSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Tunes a configuration offline with the learner's own code: streams a training set once, in its
 * order, test-then-train in mini-batches of {@code batchSize} (prequential figures), then scores
 * a test set with the final model and no further learning, through the scorer's forward pass.
 */
public final class OfflineEvaluator {

  private final LearnerConfig config;
  private final Featurizer featurizer;

  /** {@code spec} must hash into as many buckets as the model has rows. */
  public OfflineEvaluator(LearnerConfig config, FeaturizerSpec spec) {
    if (spec.bucketBits() != config.bucketBits()) {
      throw new IllegalArgumentException("featurizer has 2^" + spec.bucketBits() + " buckets, model 2^"
          + config.bucketBits());
    }
    this.config = config;
    this.featurizer = new Featurizer(spec);
  }

  /**
   * Figures of one evaluation. Precision and recall are per class, in {@code Sentiment} order;
   * {@code examplesPerSecond} is the training pass, featurizing included.
   */
  public record Report(int trainExamples, int testExamples, double prequentialAccuracy,
      double prequentialMacroF1, double accuracy, double macroF1, double macroRecall, double logLoss,
      double[] precision, double[] recall, double examplesPerSecond) {

    /** One line of JSON with every figure. */
    public String toJson() {
      return String.format(Locale.ROOT,
          "{\"train_examples\":%d,\"test_examples\":%d,\"prequential_accuracy\":%.4f,"
              + "\"prequential_macro_f1\":%.4f,\"accuracy\":%.4f,\"macro_f1\":%.4f,\"macro_recall\":%.4f,"
              + "\"log_loss\":%.4f,\"precision\":%s,\"recall\":%s,\"examples_per_second\":%.1f}",
          trainExamples, testExamples, prequentialAccuracy, prequentialMacroF1, accuracy, macroF1, macroRecall,
          logLoss, json(precision), json(recall), examplesPerSecond);
    }

    private static String json(double[] values) {
      return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.4f", v))
          .collect(Collectors.joining(",", "[", "]"));
    }
  }

  public Report evaluate(List<LabelledText> train, List<LabelledText> test) {
    int classes = LearnerConfig.CLASSES;
    PrequentialWindow prequential = new PrequentialWindow(Math.max(1, train.size()), classes);
    PrequentialWindow held = new PrequentialWindow(Math.max(1, test.size()), classes);
    LearningRateSchedule schedule = config.schedule();
    ModelWeights initial = OnlineModel.initialWeights(config.modelId(), config.shape(),
        featurizer.spec().hash(), config.seed(), 0L);
    long started = System.nanoTime();
    try (OnlineModel model = new OnlineModel(initial, config.optimizer().create(), (float) config.l2(),
        Devices.resolve(config.device(), config.torchThreads()))) {
      long seen = 0;
      for (int from = 0; from < train.size(); from += config.batchSize()) {
        List<LabelledIds> batch = new ArrayList<>(config.batchSize());
        for (LabelledText text : train.subList(from, Math.min(train.size(), from + config.batchSize()))) {
          batch.add(new LabelledIds(featurizer.featurize(text.text()).ids(), text.label()));
        }
        OnlineModel.StepOutcome outcome = model.learn(batch, schedule.at(seen));
        for (int i = 0; i < batch.size(); i++) {
          prequential.add(batch.get(i).label(), outcome.probabilities()[i]);
        }
        seen += batch.size();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      ModelWeights trained = model.current();
      for (LabelledText text : test) {
        held.add(text.label(), trained.predict(featurizer.featurize(text.text()).ids()));
      }
      return new Report(train.size(), test.size(), prequential.accuracy(), prequential.macroF1(), held.accuracy(),
          held.macroF1(), held.macroRecall(), held.logLoss(),
          IntStream.range(0, classes).mapToDouble(held::precision).toArray(),
          IntStream.range(0, classes).mapToDouble(held::recall).toArray(),
          train.isEmpty() ? 0 : train.size() / seconds);
    }
  }
}
