package io.sentiflow.learner;

import io.sentiflow.avro.DriftKind;
import io.sentiflow.avro.ModelKind;
import io.sentiflow.avro.ModelShape;
import io.sentiflow.avro.Sentiment;
import io.sentiflow.learner.optim.LearningRateSchedule;
import io.sentiflow.learner.optim.OptimizerKind;
import io.sentiflow.schemas.Topic;
import io.sentiflow.schemas.text.FeaturizerSpec;
import java.util.Set;

/**
 * Everything the online learner can be told. {@link #defaults()} documents each default; change
 * a few with {@code defaults().toBuilder()...build()}.
 *
 * @param modelId name of the model on the model topics ("sentiment")
 * @param kind EMBEDDING_BAG (embedding bag, then W and b) or LINEAR (multinomial logistic
 *     regression: rows have one value per class) (EMBEDDING_BAG)
 * @param bucketBits the embedding table has 2^bucketBits rows; must match the featurizer (20)
 * @param dimension embedding width for EMBEDDING_BAG; LINEAR uses the class count (16)
 * @param specHash featurizer spec hash the model accepts (FeaturizerSpec.defaults().hash())
 * @param optimizer SGD or ADAGRAD (ADAGRAD)
 * @param learningRate base learning rate (0.2)
 * @param learningRateDecay inverse-time decay per example, lr = base / (1 + decay * n); 0 keeps
 *     it constant, which suits an endless stream (0)
 * @param l2 L2 coefficient, applied lazily: a step adds {@code l2 * p} to the gradient of the
 *     embedding rows it touches and of W (never b), so an embedding row decays only in the steps
 *     whose batch names its bucket, and a row no batch names keeps its value; not the same as L2
 *     on the whole table at every step (1e-6)
 * @param batchSize a mini-batch closes at this many examples... (256)
 * @param batchTimeoutMs ...or this long after its first example, whichever comes first (200)
 * @param publishIntervalMs a new model version is published this often when something changed (250)
 * @param snapshotEveryVersions a full snapshot is written every this many versions (50)
 * @param metricsWindow prequential metrics cover the last this many examples (1000)
 * @param inputTopic where training examples are read ("training-examples")
 * @param groupId consumer group whose committed offsets record training progress ("sentiflow-learner")
 * @param transactionalId transactional id of the model producer; a second learner with the same id
 *     fences the first ("sentiflow-learner-" + modelId)
 * @param device "auto" (GPU when CUDA is present, else CPU), "cpu" or "gpu" ("auto")
 * @param torchThreads PyTorch intra-/inter-op threads, set when PyTorch first loads in the JVM (1)
 * @param seed seed of the initial dense layer (42)
 * @param qualityGateDrop a version whose windowed accuracy is more than this below the best of the
 *     recent versions is published as not servable (0.10)
 * @param qualityGateVersions how many recent versions "best recent" looks back over (40)
 * @param driftReaction what a drift alert of a kind in {@code driftReactsTo} triggers (BOOST_LEARNING_RATE)
 * @param driftReactsTo the alert kinds the learner reacts to; others are logged and counted as
 *     ignored. CONCEPT (the served-error detectors) by default: PREDICTION alerts such as the
 *     confidence PSI move whenever the learner itself changes the model, so reacting to them would
 *     feed back into more change ([CONCEPT])
 * @param driftBoostFactor learning-rate multiplier while boosted (3.0)
 * @param driftBoostMs how long a boost lasts after the last alert (60000)
 * @param catchUpTimeoutMs how long recovery may take to read the model topics (60000)
 */
public record LearnerConfig(
    String modelId,
    ModelKind kind,
    int bucketBits,
    int dimension,
    long specHash,
    OptimizerKind optimizer,
    double learningRate,
    double learningRateDecay,
    double l2,
    int batchSize,
    long batchTimeoutMs,
    long publishIntervalMs,
    int snapshotEveryVersions,
    int metricsWindow,
    String inputTopic,
    String groupId,
    String transactionalId,
    String device,
    int torchThreads,
    long seed,
    double qualityGateDrop,
    int qualityGateVersions,
    DriftReaction driftReaction,
    Set<DriftKind> driftReactsTo,
    double driftBoostFactor,
    long driftBoostMs,
    long catchUpTimeoutMs) {

  /** Output classes: the {@link Sentiment} symbols, in order. */
  public static final int CLASSES = Sentiment.values().length;

  public LearnerConfig {
    requirePositive("batchSize", batchSize);
    requirePositive("batchTimeoutMs", batchTimeoutMs);
    requirePositive("publishIntervalMs", publishIntervalMs);
    requirePositive("snapshotEveryVersions", snapshotEveryVersions);
    requirePositive("metricsWindow", metricsWindow);
    requirePositive("dimension", dimension);
    requirePositive("qualityGateVersions", qualityGateVersions);
    requirePositive("torchThreads", torchThreads);
    if (bucketBits < 1 || bucketBits > 30) {
      throw new IllegalArgumentException("bucketBits must be in [1, 30] but was " + bucketBits);
    }
    new LearningRateSchedule(learningRate, learningRateDecay);
    driftReactsTo = Set.copyOf(driftReactsTo);
    if (!device.equals("auto") && !device.equals("cpu") && !device.equals("gpu")) {
      throw new IllegalArgumentException("device must be auto, cpu or gpu but was " + device);
    }
  }

  public static LearnerConfig defaults() {
    FeaturizerSpec spec = FeaturizerSpec.defaults();
    return new LearnerConfig("sentiment", ModelKind.EMBEDDING_BAG, spec.bucketBits(), 16, spec.hash(),
        OptimizerKind.ADAGRAD, 0.2, 0, 1e-6, 256, 200, 250, 50, 1000, Topic.TRAINING_EXAMPLES.topicName(),
        "sentiflow-learner", "sentiflow-learner-sentiment", "auto", 1, 42, 0.10, 40,
        DriftReaction.BOOST_LEARNING_RATE, Set.of(DriftKind.CONCEPT), 3.0, 60_000, 60_000);
  }

  /** The model's shape: LINEAR rows hold one value per class. */
  public ModelShape shape() {
    return new ModelShape(kind, bucketBits, kind == ModelKind.LINEAR ? CLASSES : dimension, CLASSES);
  }

  public LearningRateSchedule schedule() {
    return new LearningRateSchedule(learningRate, learningRateDecay);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  private static void requirePositive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive but was " + value);
    }
  }

  /** Copies a config and changes some settings. */
  public static final class Builder {
    private String modelId;
    private ModelKind kind;
    private int bucketBits;
    private int dimension;
    private long specHash;
    private OptimizerKind optimizer;
    private double learningRate;
    private double learningRateDecay;
    private double l2;
    private int batchSize;
    private long batchTimeoutMs;
    private long publishIntervalMs;
    private int snapshotEveryVersions;
    private int metricsWindow;
    private String inputTopic;
    private String groupId;
    private String transactionalId;
    private String device;
    private int torchThreads;
    private long seed;
    private double qualityGateDrop;
    private int qualityGateVersions;
    private DriftReaction driftReaction;
    private Set<DriftKind> driftReactsTo;
    private double driftBoostFactor;
    private long driftBoostMs;
    private long catchUpTimeoutMs;

    private Builder(LearnerConfig c) {
      modelId = c.modelId;
      kind = c.kind;
      bucketBits = c.bucketBits;
      dimension = c.dimension;
      specHash = c.specHash;
      optimizer = c.optimizer;
      learningRate = c.learningRate;
      learningRateDecay = c.learningRateDecay;
      l2 = c.l2;
      batchSize = c.batchSize;
      batchTimeoutMs = c.batchTimeoutMs;
      publishIntervalMs = c.publishIntervalMs;
      snapshotEveryVersions = c.snapshotEveryVersions;
      metricsWindow = c.metricsWindow;
      inputTopic = c.inputTopic;
      groupId = c.groupId;
      transactionalId = c.transactionalId;
      device = c.device;
      torchThreads = c.torchThreads;
      seed = c.seed;
      qualityGateDrop = c.qualityGateDrop;
      qualityGateVersions = c.qualityGateVersions;
      driftReaction = c.driftReaction;
      driftReactsTo = c.driftReactsTo;
      driftBoostFactor = c.driftBoostFactor;
      driftBoostMs = c.driftBoostMs;
      catchUpTimeoutMs = c.catchUpTimeoutMs;
    }

    /** Also renames the transactional id when it still follows the default pattern. */
    public Builder modelId(String v) {
      if (transactionalId.equals("sentiflow-learner-" + modelId)) {
        transactionalId = "sentiflow-learner-" + v;
      }
      modelId = v;
      return this;
    }

    public Builder kind(ModelKind v) {
      kind = v;
      return this;
    }

    public Builder bucketBits(int v) {
      bucketBits = v;
      return this;
    }

    public Builder dimension(int v) {
      dimension = v;
      return this;
    }

    public Builder specHash(long v) {
      specHash = v;
      return this;
    }

    public Builder optimizer(OptimizerKind v) {
      optimizer = v;
      return this;
    }

    public Builder learningRate(double v) {
      learningRate = v;
      return this;
    }

    public Builder learningRateDecay(double v) {
      learningRateDecay = v;
      return this;
    }

    public Builder l2(double v) {
      l2 = v;
      return this;
    }

    public Builder batchSize(int v) {
      batchSize = v;
      return this;
    }

    public Builder batchTimeoutMs(long v) {
      batchTimeoutMs = v;
      return this;
    }

    public Builder publishIntervalMs(long v) {
      publishIntervalMs = v;
      return this;
    }

    public Builder snapshotEveryVersions(int v) {
      snapshotEveryVersions = v;
      return this;
    }

    public Builder metricsWindow(int v) {
      metricsWindow = v;
      return this;
    }

    public Builder inputTopic(String v) {
      inputTopic = v;
      return this;
    }

    public Builder groupId(String v) {
      groupId = v;
      return this;
    }

    public Builder transactionalId(String v) {
      transactionalId = v;
      return this;
    }

    public Builder device(String v) {
      device = v;
      return this;
    }

    public Builder torchThreads(int v) {
      torchThreads = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder qualityGateDrop(double v) {
      qualityGateDrop = v;
      return this;
    }

    public Builder qualityGateVersions(int v) {
      qualityGateVersions = v;
      return this;
    }

    public Builder driftReaction(DriftReaction v) {
      driftReaction = v;
      return this;
    }

    public Builder driftReactsTo(Set<DriftKind> v) {
      driftReactsTo = v;
      return this;
    }

    public Builder driftBoostFactor(double v) {
      driftBoostFactor = v;
      return this;
    }

    public Builder driftBoostMs(long v) {
      driftBoostMs = v;
      return this;
    }

    public Builder catchUpTimeoutMs(long v) {
      catchUpTimeoutMs = v;
      return this;
    }

    public LearnerConfig build() {
      return new LearnerConfig(modelId, kind, bucketBits, dimension, specHash, optimizer, learningRate,
          learningRateDecay, l2, batchSize, batchTimeoutMs, publishIntervalMs, snapshotEveryVersions,
          metricsWindow, inputTopic, groupId, transactionalId, device, torchThreads, seed, qualityGateDrop,
          qualityGateVersions, driftReaction, driftReactsTo, driftBoostFactor, driftBoostMs, catchUpTimeoutMs);
    }
  }
}
