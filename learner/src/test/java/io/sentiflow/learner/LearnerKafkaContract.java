package io.sentiflow.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sentiflow.avro.DriftAlert;
import io.sentiflow.avro.DriftKind;
import io.sentiflow.avro.Rejected;
import io.sentiflow.avro.TrainingExample;
import io.sentiflow.learner.metrics.PrequentialWindow;
import io.sentiflow.learner.model.LabelledIds;
import io.sentiflow.learner.model.OnlineModel;
import io.sentiflow.learner.optim.OptimizerKind;
import io.sentiflow.learner.publish.SnapshotKeys;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.Topic;
import io.sentiflow.schemas.kafka.ModelTopicsFollower;
import io.sentiflow.schemas.kafka.TopicProvisioner;
import io.sentiflow.schemas.model.ModelWeights;
import io.sentiflow.schemas.testing.KafkaCluster;
import io.sentiflow.schemas.testing.KafkaTestUtils;
import io.sentiflow.schemas.text.FeaturizerSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The learner against a real broker: what it publishes is what a follower rebuilds, bad input is
 * dead-lettered, and a learner that is replaced mid-stream loses and repeats nothing. Each test
 * uses its own input topic, model id and consumer group on the shared model topics.
 */
abstract class LearnerKafkaContract {

  private static final int PARTITIONS = 4;
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  abstract KafkaCluster cluster();

  private String run;
  private String inputTopic;
  private LearnerConfig config;

  @BeforeEach
  void freshTopicAndModel() {
    TopicProvisioner.createMissing(cluster().clientProperties(), (short) 1, true);
    run = UUID.randomUUID().toString().substring(0, 8);
    inputTopic = "training-examples-" + run;
    KafkaTestUtils.createTopics(cluster(), Map.of(inputTopic, PARTITIONS));
    config = LearnerConfig.defaults().toBuilder()
        .modelId("it-" + run)
        .inputTopic(inputTopic)
        .groupId("learner-" + run)
        .batchSize(32)
        .publishIntervalMs(100)
        .snapshotEveryVersions(2)
        .device("cpu")
        .build();
  }

  @Test
  void aFollowerRebuildsThePublishedModelBitForBitAndBadRecordsAreDeadLettered() throws Exception {
    List<TrainingExample> examples = AirlineData.examples(240, FeaturizerSpec.defaults());
    TrainingExample foreign = TrainingExample.newBuilder(examples.get(7)).build();
    foreign.getFeatures().setSpecHash(foreign.getFeatures().getSpecHash() + 1);

    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (LearnerService learner = new LearnerService(cluster().clientProperties(), config, registry)) {
      learner.start();
      await(() -> learner.model().isPresent());
      byte[][] alert = {"adwin-error".getBytes(StandardCharsets.UTF_8), Codecs.DRIFT_ALERT.encode(driftAlert())};
      KafkaTestUtils.produce(cluster(), Topic.DRIFT_ALERTS.topicName(), List.<byte[][]>of(alert));
      await(() -> registry.find("sentiflow.learner.drift.reactions").counter() != null);
      assertThat(registry.get("sentiflow.learner.learning_rate").gauge().value())
          .as("boosted learning rate").isCloseTo(config.learningRate() * config.driftBoostFactor(), within(1e-6));
      for (int chunk = 0; chunk < 4; chunk++) {
        List<byte[][]> records = new ArrayList<>(encode(examples.subList(chunk * 60, (chunk + 1) * 60)));
        if (chunk == 1) {
          records.add(new byte[][] {"garbage".getBytes(StandardCharsets.UTF_8), {1, 2, 3, 4}});
          records.add(new byte[][] {
              "foreign".getBytes(StandardCharsets.UTF_8), Codecs.TRAINING_EXAMPLE.encode(foreign)});
        }
        KafkaTestUtils.produce(cluster(), inputTopic, records);
        long expected = (chunk + 1) * 60L;
        await(() -> committedExamples(learner) == expected);
      }
      assertThat(registry.find("kafka.consumer.fetch.manager.records.lag.max").gauges())
          .as("consumer lag is exported").isNotEmpty();
      learner.close();
      ModelWeights held = learner.model().orElseThrow();

      ModelWeights rebuilt = rebuild();
      assertThat(rebuilt.version()).isEqualTo(held.version()).isGreaterThanOrEqualTo(4);
      assertThat(rebuilt.sameWeightsAs(held)).as("follower's model equals the learner's").isTrue();
      assertThat(rebuilt.nonZeroBuckets()).isNotEmpty();
      assertThat(rebuilt.metrics().getExamplesSeen()).isEqualTo(240);
      assertThat(learner.status().trainedExamples()).isEqualTo(240);

      long lastSnapshot = held.version() - held.version() % config.snapshotEveryVersions();
      assertThat(SnapshotKeys.live(cluster().clientProperties(), config.modelId(), PATIENCE))
          .as("older snapshots' chunks are tombstoned")
          .allMatch(key -> key.startsWith(config.modelId() + "/" + lastSnapshot + "/"));
    }

    assertThat(rejectedFrom(inputTopic, 2)).hasSize(2).allMatch(r -> r.getStage().equals("learner"))
        .anyMatch(r -> r.getReason().startsWith("undecodable"))
        .anyMatch(r -> r.getReason().contains("spec hash"));
    assertThat(committedOffsets()).isEqualTo(endOffsets());
  }

  @Test
  void aLearnerFencedMidStreamIsReplacedWithNoExampleLearnedTwiceOrSkipped() throws Exception {
    List<TrainingExample> examples = AirlineData.examples(400, FeaturizerSpec.defaults());
    // The first learner commits rarely, so it is fenced holding trained but uncommitted examples.
    LearnerConfig rarelyCommitting = config.toBuilder().publishIntervalMs(5_000).build();
    try (LearnerService first =
            new LearnerService(cluster().clientProperties(), rarelyCommitting, new SimpleMeterRegistry());
        LearnerService second = new LearnerService(cluster().clientProperties(), config, new SimpleMeterRegistry())) {
      KafkaTestUtils.produce(cluster(), inputTopic, encode(examples.subList(0, 200)));
      first.start();
      await(() -> committedExamples(first) == 200);
      KafkaTestUtils.produce(cluster(), inputTopic, encode(examples.subList(200, 300)));
      await(() -> first.status().trainedExamples() == 300);
      assertThat(committedExamples(first)).as("trained but not yet committed").isEqualTo(200);

      second.start();
      await(() -> !first.isRunning());
      KafkaTestUtils.produce(cluster(), inputTopic, encode(examples.subList(300, 400)));
      await(() -> committedExamples(second) >= 400);
      second.close();

      ModelWeights held = second.model().orElseThrow();
      ModelWeights rebuilt = rebuild();
      assertThat(rebuilt.sameWeightsAs(held)).isTrue();
      assertThat(rebuilt.version()).isEqualTo(held.version());
      assertThat(rebuilt.metrics().getExamplesSeen()).as("trained examples == labelled examples").isEqualTo(400);
      assertThat(second.status().trainedExamples()).isEqualTo(400);
      assertThat(committedOffsets()).isEqualTo(endOffsets());
    }
  }

  @Test
  void aLearnerKilledMidStreamContinuesExactlyAsAnUninterruptedOne() throws Exception {
    // One partition and batches that close only when full: both runs see the same batches.
    String ordered = inputTopic + "-ordered";
    KafkaTestUtils.createTopics(cluster(), Map.of(ordered, 1));
    int batchSize = 16;
    List<TrainingExample> examples = AirlineData.examples(20 * batchSize, FeaturizerSpec.defaults());
    LearnerConfig exact = config.toBuilder().inputTopic(ordered).batchSize(batchSize).batchTimeoutMs(600_000)
        .driftReactsTo(Set.of()).build();
    assertThat(exact.optimizer()).isEqualTo(OptimizerKind.ADAGRAD);
    LearnerConfig rarelyCommitting = exact.toBuilder().publishIntervalMs(5_000).build();
    try (LearnerService first =
            new LearnerService(cluster().clientProperties(), rarelyCommitting, new SimpleMeterRegistry());
        LearnerService second = new LearnerService(cluster().clientProperties(), exact, new SimpleMeterRegistry())) {
      KafkaTestUtils.produce(cluster(), ordered, encode(examples.subList(0, 160)));
      first.start();
      await(() -> committedExamples(first) == 160);
      KafkaTestUtils.produce(cluster(), ordered, encode(examples.subList(160, 240)));
      await(() -> first.status().trainedExamples() == 240);
      assertThat(committedExamples(first)).as("trained but not yet committed").isEqualTo(160);

      // What kill -9 leaves behind: the open transaction is aborted when the next learner fences it.
      second.start();
      await(() -> !first.isRunning());
      KafkaTestUtils.produce(cluster(), ordered, encode(examples.subList(240, 320)));
      await(() -> committedExamples(second) == 320);
      second.close();

      PrequentialWindow expectedWindow = new PrequentialWindow(exact.metricsWindow(), LearnerConfig.CLASSES);
      ModelWeights uninterrupted = trainWithoutInterruption(exact, examples, expectedWindow);
      ModelWeights rebuilt = rebuild();
      assertThat(rebuilt.sameWeightsAs(uninterrupted)).as("restarted weights equal uninterrupted ones bit for bit")
          .isTrue();
      assertThat(rebuilt.metrics()).as("the metrics window continued across the restart")
          .isEqualTo(expectedWindow.toAvro(320));
    }
  }

  /** The reference: the same batches, learned in one go by one model that never stopped. */
  private static ModelWeights trainWithoutInterruption(LearnerConfig config, List<TrainingExample> examples,
      PrequentialWindow window) {
    ModelWeights start = OnlineModel.initialWeights(config.modelId(), config.shape(), config.specHash(),
        config.seed(), 0);
    try (OnlineModel model = new OnlineModel(start, config.optimizer().create(), (float) config.l2(), Device.cpu())) {
      for (int from = 0; from < examples.size(); from += config.batchSize()) {
        List<LabelledIds> batch = examples.subList(from, from + config.batchSize()).stream()
            .map(e -> new LabelledIds(e.getFeatures().getFeatureIds().stream().mapToInt(Integer::intValue).toArray(),
                e.getLabel().ordinal()))
            .toList();
        OnlineModel.StepOutcome outcome = model.learn(batch, config.schedule().at(from));
        for (int i = 0; i < batch.size(); i++) {
          window.add(batch.get(i).label(), outcome.probabilities()[i]);
        }
      }
      return model.current();
    }
  }

  @Test
  void onlyCommittedAlertsOfTheConfiguredKindsMoveTheLearner() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (LearnerService learner = new LearnerService(cluster().clientProperties(), config, registry)) {
      learner.start();
      await(() -> learner.model().isPresent());
      produceAlertInAbortedTransaction(driftAlert("adwin-error", DriftKind.CONCEPT));
      KafkaTestUtils.produce(cluster(), Topic.DRIFT_ALERTS.topicName(), List.of(
          alertRecord(driftAlert("psi-confidence", DriftKind.PREDICTION)),
          alertRecord(driftAlert("page-hinkley-error", DriftKind.CONCEPT))));
      await(() -> registry.find("sentiflow.learner.drift.reactions").tag("kind", "CONCEPT").counter() != null);
      await(() -> registry.find("sentiflow.learner.drift.reactions").tag("kind", "PREDICTION").counter() != null);

      assertThat(registry.get("sentiflow.learner.drift.reactions").tag("kind", "CONCEPT").counter().count())
          .as("the aborted alert is never seen").isEqualTo(1.0);
      assertThat(registry.get("sentiflow.learner.drift.reactions").tag("kind", "CONCEPT").counter().getId()
          .getTag("reaction")).isEqualTo(DriftReaction.BOOST_LEARNING_RATE.name());
      assertThat(registry.get("sentiflow.learner.drift.reactions").tag("kind", "PREDICTION").counter().getId()
          .getTag("reaction")).as("prediction drift is the learner's own doing").isEqualTo(DriftReaction.IGNORE.name());
    }
  }

  private void produceAlertInAbortedTransaction(DriftAlert alert) {
    Properties props = cluster().clientProperties();
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "aborting-scorer-" + run);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      byte[][] record = alertRecord(alert);
      producer.send(new ProducerRecord<>(Topic.DRIFT_ALERTS.topicName(), record[0], record[1]));
      producer.flush();
      producer.abortTransaction();
    }
  }

  private static byte[][] alertRecord(DriftAlert alert) {
    return new byte[][] {alert.getDetector().getBytes(StandardCharsets.UTF_8), Codecs.DRIFT_ALERT.encode(alert)};
  }

  private static DriftAlert driftAlert() {
    return driftAlert("adwin-error", DriftKind.CONCEPT);
  }

  private static DriftAlert driftAlert(String detector, DriftKind kind) {
    long now = System.currentTimeMillis();
    return DriftAlert.newBuilder().setDetector(detector).setKind(kind).setStatistic("mean-error")
        .setValue(0.4).setThreshold(0.3).setWindowStart(now - 60_000).setWindowEnd(now).setModelVersion(0)
        .setAlertTime(now).build();
  }

  private static long committedExamples(LearnerService learner) {
    return learner.model().map(ModelWeights::metrics).map(m -> m.getExamplesSeen()).orElse(0L);
  }

  private ModelWeights rebuild() {
    try (ModelTopicsFollower follower = new ModelTopicsFollower(cluster().clientProperties(), config.modelId(),
        weights -> { })) {
      return follower.catchUp(PATIENCE).orElseThrow();
    }
  }

  /** Dead letters from {@code source}: waits for {@code count}, then reads to the end so extra ones show. */
  private List<Rejected> rejectedFrom(String source, int count) {
    return KafkaTestUtils.readToEnd(cluster(), Topic.REJECTED.topicName(),
            r -> r.key() != null && new String(r.key(), StandardCharsets.UTF_8).equals(source), count, PATIENCE)
        .stream()
        .map(r -> Codecs.REJECTED.decode(r.value()))
        .toList();
  }

  private Map<TopicPartition, Long> committedOffsets() throws Exception {
    try (Admin admin = Admin.create(cluster().clientProperties())) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin.listConsumerGroupOffsets(config.groupId()).partitionsToOffsetAndMetadata().get();
      return offsets.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
          e -> e.getValue().offset()));
    }
  }

  private Map<TopicPartition, Long> endOffsets() throws Exception {
    try (Admin admin = Admin.create(cluster().clientProperties())) {
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      for (int p = 0; p < PARTITIONS; p++) {
        request.put(new TopicPartition(inputTopic, p), OffsetSpec.latest());
      }
      return admin.listOffsets(request).all().get().entrySet().stream()
          .filter(e -> e.getValue().offset() > 0)
          .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
  }

  private static List<byte[][]> encode(List<TrainingExample> examples) {
    return examples.stream().map(e -> new byte[][] {
        e.getFeatures().getCommentId().getBytes(StandardCharsets.UTF_8), Codecs.TRAINING_EXAMPLE.encode(e)}).toList();
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + PATIENCE);
      }
      Thread.sleep(50);
    }
  }
}
