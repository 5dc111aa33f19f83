package io.sentiflow.learner;

import ai.djl.Device;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.sentiflow.avro.DriftAlert;
import io.sentiflow.avro.LearnerState;
import io.sentiflow.avro.Rejected;
import io.sentiflow.avro.TrainingExample;
import io.sentiflow.learner.drift.DriftAlertFeed;
import io.sentiflow.learner.metrics.PrequentialWindow;
import io.sentiflow.learner.metrics.QualityGate;
import io.sentiflow.learner.model.Devices;
import io.sentiflow.learner.model.ExampleCheck;
import io.sentiflow.learner.model.LabelledIds;
import io.sentiflow.learner.model.OnlineModel;
import io.sentiflow.learner.publish.LearnerStateTopic;
import io.sentiflow.learner.publish.ModelPublisher;
import io.sentiflow.learner.publish.SnapshotKeys;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.InvalidRecordException;
import io.sentiflow.schemas.Rejections;
import io.sentiflow.schemas.kafka.ModelTopicsFollower;
import io.sentiflow.schemas.model.ModelDelta;
import io.sentiflow.schemas.model.PackedArrays;
import io.sentiflow.schemas.model.ModelWeights;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One learner's work on its own thread: read examples, close mini-batches at B examples or T ms,
 * test-then-train, and every publish interval commit the new version, the dead letters and the
 * consumed offsets in one transaction. After a failed transaction it rebuilds itself from the model
 * topics and the committed offsets, as a restarted process would.
 */
final class TrainingLoop implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TrainingLoop.class);
  private static final String STAGE = "learner";
  private static final long MAX_POLL_MS = 100;
  private static final long DRIFT_POLL_MS = 500;

  /** One consumed record: an example to learn, or a dead letter to send, once its batch closes. */
  private record Pending(TopicPartition partition, long offset, LabelledIds example, Rejected rejected) {}

  private final Properties kafka;
  private final LearnerConfig config;
  private final LearnerMetrics metrics;
  private final Device device;
  private final Consumer<LearnerStatus> statusSink;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final KafkaClientMetrics consumerMetrics;
  private final ModelPublisher publisher;
  private final DriftAlertFeed driftAlerts;
  private final List<TopicPartition> partitions;

  private OnlineModel model;
  private PrequentialWindow window;
  private QualityGate gate;
  private long examplesSeen;
  private final List<Pending> buffer = new ArrayList<>();
  private int bufferedExamples;
  private long bufferOpenedAt;
  private final Map<TopicPartition, Long> processedUpTo = new HashMap<>();
  private long nextPublishAt;
  private long nextDriftPollAt = Long.MIN_VALUE;
  private long boostUntil = Long.MIN_VALUE;
  /** Published version when the optimizer state was last reset (-1: never); see {@link LearnerState}. */
  private long optimizerResetAfter = -1;
  private boolean optimizerResetUncommitted;
  private volatile double learningRate;
  private volatile ModelWeights published;

  TrainingLoop(Properties kafka, LearnerConfig config, LearnerMetrics metrics, Device device,
      Consumer<LearnerStatus> statusSink) {
    this.kafka = kafka;
    this.config = config;
    this.metrics = metrics;
    this.device = device;
    this.statusSink = statusSink;
    this.consumer = newConsumer(kafka, config);
    this.consumerMetrics = metrics.bindConsumer(consumer);
    this.publisher = new ModelPublisher(withTransactionTimeout(kafka), config.transactionalId(), config.modelId());
    this.driftAlerts = new DriftAlertFeed(kafka);
    List<PartitionInfo> infos = consumer.partitionsFor(config.inputTopic(), Duration.ofSeconds(30));
    if (infos == null || infos.isEmpty()) {
      throw new IllegalStateException("topic " + config.inputTopic() + " does not exist");
    }
    this.partitions = infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
    consumer.assign(partitions);
  }

  private static KafkaConsumer<byte[], byte[]> newConsumer(Properties kafka, LearnerConfig config) {
    Properties props = new Properties();
    props.putAll(kafka);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "learner-" + config.modelId() + "-" + UUID.randomUUID());
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * Transactions here last one publish interval, so a short timeout lets followers (which read
   * committed records only) get past a crashed learner's open transaction within seconds.
   */
  private static Properties withTransactionTimeout(Properties kafka) {
    Properties props = new Properties();
    props.putAll(kafka);
    props.putIfAbsent("transaction.timeout.ms", "10000");
    return props;
  }

  /** Fences any earlier learner with the same transactional id; call once, before {@link #recover}. */
  void initTransactions() {
    publisher.initTransactions();
  }

  /**
   * Drops uncommitted work and rebuilds from Kafka: the newest committed model version from the
   * model topics (a fresh version 0 snapshot when there is none), and the group's committed offsets.
   */
  void recover() {
    publisher.abort();
    buffer.clear();
    bufferedExamples = 0;
    processedUpTo.clear();
    if (model != null) {
      model.close();
      model = null;
    }
    Duration timeout = Duration.ofMillis(config.catchUpTimeoutMs());
    Optional<ModelWeights> latest;
    try (ModelTopicsFollower follower = new ModelTopicsFollower(kafka, config.modelId(), weights -> { })) {
      latest = follower.catchUp(timeout);
    }
    publisher.liveChunkKeys(SnapshotKeys.live(kafka, config.modelId(), timeout));
    ModelWeights start;
    if (latest.isEmpty()) {
      start = OnlineModel.initialWeights(config.modelId(), config.shape(), config.specHash(), config.seed(),
          System.currentTimeMillis());
      publisher.snapshot(start);
      publisher.commit(Map.of(), consumer.groupMetadata());
      metrics.snapshots.increment();
      LOG.info("{}: no model on the topics; published version 0 ({})", config.modelId(), start);
    } else {
      start = latest.get();
      LOG.info("{}: recovered {} from the model topics", config.modelId(), start);
      if (!start.shape().equals(config.shape()) || start.specHash() != config.specHash()) {
        LOG.warn("{}: the recovered model (shape {}, spec {}) differs from the configuration (shape {}, spec {});"
            + " it keeps its own", config.modelId(), start.shape(), start.specHash(), config.shape(),
            config.specHash());
      }
    }
    examplesSeen = start.metrics() == null ? 0 : start.metrics().getExamplesSeen();
    model = new OnlineModel(start, config.optimizer().create(), (float) config.l2(), device);
    window = new PrequentialWindow(config.metricsWindow(), LearnerConfig.CLASSES);
    gate = new QualityGate(config.qualityGateDrop(), config.qualityGateVersions());
    optimizerResetAfter = -1;
    optimizerResetUncommitted = false;
    restoreLearnerState(start, timeout);
    seekToCommitted();
    nextPublishAt = nowMs() + config.publishIntervalMs();
    learningRate = config.schedule().at(examplesSeen);
    reportStatus();
  }

  /**
   * Continues the committed learner's optimizer accumulators, metrics window and gate history, so
   * the steps and verdicts after a restart are those it would have made. Without state for this
   * very version (a model from before the learner-state topic existed) it starts them afresh.
   */
  private void restoreLearnerState(ModelWeights start, Duration timeout) {
    Optional<LearnerStateTopic.Committed> committed =
        LearnerStateTopic.read(kafka, config.modelId(), timeout);
    if (committed.isEmpty() || committed.get().state().getVersion() != start.version()) {
      if (start.version() > 0) {
        LOG.warn("{}: no learner state for v{} (found {}); optimizer state, metrics window and quality gate"
            + " start afresh", config.modelId(), start.version(),
            committed.map(c -> "v" + c.state().getVersion()).orElse("none"));
      }
      return;
    }
    LearnerState state = committed.get().state();
    window = PrequentialWindow.restore(config.metricsWindow(), LearnerConfig.CLASSES, new PrequentialWindow.Contents(
        PackedArrays.unpackBytes(state.getWindowLabels()),
        PackedArrays.unpackBytes(state.getWindowPredictions()),
        PackedArrays.unpackDoubles(state.getWindowLosses()), state.getWindowLossSum()));
    gate = new QualityGate(config.qualityGateDrop(), config.qualityGateVersions(),
        state.getGateAccuracies().stream().mapToDouble(Double::doubleValue).toArray());
    optimizerResetAfter = state.getOptimizerResetAfter();
    if (state.getOptimizer().equals(config.optimizer().name())) {
      model.restoreOptimizerState(committed.get().rowStates(), PackedArrays.unpackFloats(state.getDenseState()),
          PackedArrays.unpackFloats(state.getBiasState()));
    } else {
      LOG.warn("{}: the committed optimizer state is {}'s; {} starts afresh", config.modelId(), state.getOptimizer(),
          config.optimizer());
    }
    LOG.info("{}: continued the learner state of v{} ({} rows' optimizer state, {} examples in the metrics window)",
        config.modelId(), start.version(), committed.get().rowStates().size(), state.getWindowLabels().remaining());
  }

  private void seekToCommitted() {
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
    for (TopicPartition partition : partitions) {
      OffsetAndMetadata offset = committed.get(partition);
      if (offset == null) {
        consumer.seekToBeginning(List.of(partition));
      } else {
        consumer.seek(partition, offset.offset());
      }
    }
  }

  /** One turn: poll, close batches that are due, react to drift, publish when the interval is up. */
  void step() {
    long now = nowMs();
    long wait = Math.min(MAX_POLL_MS, nextPublishAt - now);
    if (!buffer.isEmpty()) {
      wait = Math.min(wait, bufferOpenedAt + config.batchTimeoutMs() - now);
    }
    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(Math.max(0, wait)))) {
      accept(record);
      if (bufferedExamples >= config.batchSize()) {
        closeBatch();
      }
    }
    now = nowMs();
    if (!buffer.isEmpty() && now - bufferOpenedAt >= config.batchTimeoutMs()) {
      closeBatch();
    }
    if (now >= nextDriftPollAt) {
      driftAlerts.poll(this::reject).forEach(this::react);
      nextDriftPollAt = now + DRIFT_POLL_MS;
    }
    if (now >= nextPublishAt) {
      publish();
      nextPublishAt = now + config.publishIntervalMs();
    }
  }

  /** Learns what is buffered and publishes it: the end of a graceful stop. */
  void finish() {
    if (!buffer.isEmpty()) {
      closeBatch();
    }
    publish();
  }

  private void accept(ConsumerRecord<byte[], byte[]> record) {
    if (buffer.isEmpty()) {
      bufferOpenedAt = nowMs();
    }
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    String problem;
    LabelledIds example = null;
    if (record.value() == null) {
      problem = "empty value";
    } else {
      try {
        TrainingExample decoded = Codecs.TRAINING_EXAMPLE.decode(record.value());
        problem = ExampleCheck.problem(decoded, model.published().specHash(), model.published().buckets());
        if (problem == null) {
          List<Integer> ids = decoded.getFeatures().getFeatureIds();
          example = new LabelledIds(ids.stream().mapToInt(Integer::intValue).toArray(), decoded.getLabel().ordinal());
        }
      } catch (InvalidRecordException e) {
        problem = "undecodable training example: " + e.getMessage();
      }
    }
    if (example != null) {
      buffer.add(new Pending(partition, record.offset(), example, null));
      bufferedExamples++;
    } else {
      buffer.add(new Pending(partition, record.offset(), null,
          Rejections.of(record.topic(), STAGE, problem, record.key(), record.value())));
    }
  }

  /** Test-then-train on the buffered examples; their dead letters join the open transaction. */
  private void closeBatch() {
    List<LabelledIds> examples = new ArrayList<>(bufferedExamples);
    for (Pending pending : buffer) {
      if (pending.example() != null) {
        examples.add(pending.example());
      } else {
        reject(pending.rejected());
      }
      processedUpTo.put(pending.partition(), pending.offset() + 1);
    }
    buffer.clear();
    bufferedExamples = 0;
    if (!examples.isEmpty()) {
      learningRate = currentLearningRate();
      OnlineModel.StepOutcome outcome = metrics.step.record(() -> model.learn(examples, (float) learningRate));
      for (int i = 0; i < examples.size(); i++) {
        window.add(examples.get(i).label(), outcome.probabilities()[i]);
      }
      examplesSeen += examples.size();
      metrics.examples.increment(examples.size());
      metrics.touchedRows.record(outcome.touchedRows());
      metrics.loss.record(outcome.loss());
    }
    reportStatus();
  }

  private double currentLearningRate() {
    double rate = config.schedule().at(examplesSeen);
    return nowMs() < boostUntil ? rate * config.driftBoostFactor() : rate;
  }

  private void reject(Rejected rejected) {
    publisher.reject(rejected);
    metrics.rejected.increment();
    LOG.debug("rejected a record from {}: {}", rejected.getSource(), rejected.getReason());
  }

  private void react(DriftAlert alert) {
    DriftReaction reaction = config.driftReactsTo().contains(alert.getKind()) ? config.driftReaction()
        : DriftReaction.IGNORE;
    LOG.info("{}: drift alert {} ({} {} = {} > {}); reaction: {}", config.modelId(), alert.getDetector(),
        alert.getKind(), alert.getStatistic(), alert.getValue(), alert.getThreshold(), reaction);
    switch (reaction) {
      case BOOST_LEARNING_RATE -> boostUntil = nowMs() + config.driftBoostMs();
      case RESET_OPTIMIZER -> {
        model.resetOptimizerState();
        optimizerResetAfter = model.published().version();
        optimizerResetUncommitted = true;
      }
      case IGNORE -> { }
    }
    learningRate = currentLearningRate();
    metrics.driftReaction(alert.getKind(), reaction);
  }

  /** Commits the next version (when anything was learned), dead letters and consumed offsets together. */
  private void publish() {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    processedUpTo.forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
    if (model.hasUnpublishedChanges()) {
      boolean servable = gate.servable(window.accuracy(), window.full());
      ModelDelta delta = model.delta(servable, window.toAvro(examplesSeen), System.currentTimeMillis());
      ModelWeights next = model.versionFrom(delta);
      publisher.delta(delta);
      publisher.learnerState(learnerState(next.version()), delta.rowIndices(),
          model.rowStates(delta.rowIndices()), next.shape().getDimension());
      boolean snapshot = next.version() % config.snapshotEveryVersions() == 0;
      if (snapshot) {
        publisher.snapshot(next);
      }
      publisher.commit(offsets, consumer.groupMetadata());
      model.markPublished(next);
      (servable ? metrics.servableVersions : metrics.heldBackVersions).increment();
      if (snapshot) {
        metrics.snapshots.increment();
      }
      if (!servable) {
        LOG.warn("{}: v{} held back by the quality gate (windowed accuracy {})", config.modelId(), next.version(),
            window.accuracy());
      }
    } else {
      if (optimizerResetUncommitted) {
        publisher.learnerState(learnerState(model.published().version()), new int[0], new float[0], 0);
      }
      publisher.commit(offsets, consumer.groupMetadata());
    }
    optimizerResetUncommitted = false;
    processedUpTo.clear();
    reportStatus();
  }

  /** What a restart needs beyond the model to continue from {@code version} exactly. */
  private LearnerState learnerState(long version) {
    PrequentialWindow.Contents contents = window.contents();
    return LearnerState.newBuilder()
        .setModelId(config.modelId())
        .setVersion(version)
        .setOptimizer(config.optimizer().name())
        .setOptimizerResetAfter(optimizerResetAfter)
        .setDenseState(PackedArrays.packFloats(model.denseState()))
        .setBiasState(PackedArrays.packFloats(model.biasState()))
        .setWindowLabels(PackedArrays.packBytes(contents.labels()))
        .setWindowPredictions(PackedArrays.packBytes(contents.predictions()))
        .setWindowLosses(PackedArrays.packDoubles(contents.losses()))
        .setWindowLossSum(contents.lossSum())
        .setGateAccuracies(Arrays.stream(gate.recentAccuracies()).boxed().toList())
        .build();
  }

  private void reportStatus() {
    published = model.published();
    statusSink.accept(new LearnerStatus(examplesSeen, model.published().version(), window.accuracy(),
        window.macroF1(), window.logLoss(), Devices.describe(device)));
  }

  /** The newest committed version, as followers rebuild it. */
  ModelWeights published() {
    return published;
  }

  double learningRate() {
    return learningRate;
  }

  private static long nowMs() {
    return System.nanoTime() / 1_000_000;
  }

  @Override
  public void close() {
    try {
      publisher.abort();
    } catch (RuntimeException e) {
      LOG.debug("abort on close failed", e);
    }
    publisher.close();
    consumerMetrics.close();
    consumer.close();
    driftAlerts.close();
    if (model != null) {
      model.close();
    }
  }
}
