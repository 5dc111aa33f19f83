package io.sentiflow.scorer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sentiflow.avro.Features;
import io.sentiflow.avro.Rejected;
import io.sentiflow.avro.SentimentScore;
import io.sentiflow.avro.ThreadSentiment;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.Topic;
import io.sentiflow.schemas.kafka.TopicProvisioner;
import io.sentiflow.schemas.model.ModelDelta;
import io.sentiflow.schemas.model.ModelWeights;
import io.sentiflow.schemas.testing.KafkaCluster;
import io.sentiflow.schemas.testing.KafkaTestUtils;
import io.sentiflow.schemas.text.Featurizer;
import io.sentiflow.schemas.text.FeaturizerSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scorer against a real broker; run on the embedded broker and, where Docker runs, a container. */
abstract class ScorerOnKafkaContract {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  abstract KafkaCluster cluster();

  @TempDir
  Path stateDir;

  @Test
  void aModelUpdateMidStreamChangesTheVersionOnLaterScoresWithoutAGap() throws Exception {
    TopicProvisioner.createMissing(cluster().clientProperties(), (short) 1, true);
    String run = UUID.randomUUID().toString().substring(0, 8);
    String modelId = "sentiment-" + run;
    FeaturizerSpec spec = specOfThisRun(run);
    Featurizer featurizer = new Featurizer(spec);
    ModelWeights v0 = TestModels.linear(modelId, 0, 12, spec.hash(), Map.of(), new float[] {1f, 0f, 0f});
    KafkaTopics.publishSnapshot(cluster(), v0);

    ScorerConfig config = ScorerConfig.defaults().withApplicationId("scorer-" + run).withModelId(modelId)
        .withFeaturizerSpec(spec).withStateDir(stateDir).withFirstModelTimeout(Duration.ofSeconds(30));
    List<AirlineTweets.Tweet> tweets = AirlineTweets.first(400).stream()
        .sorted(Comparator.comparingLong(AirlineTweets.Tweet::createdMs)).toList();
    try (ScorerService service = new ScorerService(cluster().clientProperties(), config, new SimpleMeterRegistry())) {
      service.start();

      // v0 scores a first batch, then v1 arrives while features keep flowing, then a last batch
      List<String> first = produceFeatures(featurizer, tweets.subList(0, 100), run);
      awaitScores(first);
      CompletableFuture<List<String>> during = CompletableFuture.supplyAsync(() -> {
        List<String> ids = new ArrayList<>();
        for (int from = 100; from < 300; from += 10) {
          ids.addAll(produceFeatures(featurizer, tweets.subList(from, from + 10), run));
          pause(Duration.ofMillis(20));
        }
        return ids;
      });
      byte[] garbageKey = ("garbage-" + run).getBytes(StandardCharsets.UTF_8);
      KafkaTestUtils.produce(cluster(), Topic.FEATURES.topicName(),
          List.<byte[][]>of(new byte[][] {garbageKey, "\u0000\u0001 not features".getBytes(StandardCharsets.UTF_8)}));
      int thanks = featurizer.bucketOf("thanks");
      KafkaTopics.publishDelta(cluster(), new ModelDelta(modelId, 1, 0, v0.shape(), spec.hash(), new int[] {thanks},
          new float[] {0f, 0f, 9f}, new float[0], new float[] {0f, 0f, 1f}, true, null, 2_000L));
      awaitModelVersion(service, 1);
      List<String> middle = during.get();
      List<String> last = produceFeatures(featurizer, tweets.subList(300, 400), run);

      Set<String> expected = new LinkedHashSet<>(first);
      expected.addAll(middle);
      expected.addAll(last);
      List<ConsumerRecord<byte[], byte[]>> records = awaitScores(expected);
      Map<String, SentimentScore> byId = new HashMap<>();
      records.forEach(r -> assertThat(byId.put(KafkaTopics.key(r), Codecs.SENTIMENT_SCORE.decode(r.value())))
          .as("each comment scored once").isNull());
      assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(first).allSatisfy(id -> assertThat(byId.get(id).getModelVersion()).isZero());
      assertThat(last).allSatisfy(id -> assertThat(byId.get(id).getModelVersion()).isEqualTo(1L));
      Map<Integer, Long> lastVersionPerPartition = new HashMap<>();
      for (ConsumerRecord<byte[], byte[]> r : records) {
        long version = byId.get(KafkaTopics.key(r)).getModelVersion();
        Long previous = lastVersionPerPartition.put(r.partition(), version);
        assertThat(version).as("versions never go back within a partition")
            .isGreaterThanOrEqualTo(previous == null ? 0L : previous);
      }

      SentimentScore tryIt = service.scoreText("thanks for the great flight");
      assertThat(tryIt.getModelVersion()).isEqualTo(1L);
      assertThat(tryIt.getExplanation()).extracting(t -> t.getTerm()).contains("thanks");

      List<ConsumerRecord<byte[], byte[]>> dead = KafkaTopics.await(cluster(), Topic.REJECTED.topicName(),
          r -> {
            Rejected rejected = Codecs.REJECTED.decode(r.value());
            return rejected.getKey() != null
                && new String(rejected.getKey().array(), StandardCharsets.UTF_8).equals("garbage-" + run);
          }, 1, TIMEOUT);
      assertThat(dead).singleElement().satisfies(r ->
          assertThat(Codecs.REJECTED.decode(r.value()).getStage()).isEqualTo("scorer"));
      AirlineTweets.Tweet newest = tweets.get(tweets.size() - 1);
      long newestWindow = newest.createdMs() - newest.createdMs() % 60_000;
      List<ThreadSentiment> windows = List.of();
      for (long deadline = System.nanoTime() + TIMEOUT.toNanos();
          (windows.isEmpty() || windows.get(0).getWindowStart() != newestWindow) && System.nanoTime() < deadline;) {
        windows = service.recentWindows(newest.airline(), 3);
        Thread.sleep(50);
      }
      assertThat(windows).isNotEmpty().allSatisfy(w -> assertThat(w.getThread()).isEqualTo(newest.airline()));
      assertThat(windows.get(0).getWindowStart()).isEqualTo(newestWindow);
      assertThat(service.currentWindow(newest.airline())).get().extracting(ThreadSentiment::getWindowStart)
          .isEqualTo(newestWindow);
      assertThat(service.mostNegativeThreads(10, 1)).isNotEmpty();
      ScorerStatus status = service.status();
      assertThat(status.modelVersion()).isEqualTo(1L);
      assertThat(status.scored()).isEqualTo(expected.size());
      assertThat(status.rejected()).isPositive();
    }
  }

  @Test
  void twoInstancesOnAFourPartitionTopicTogetherScoreEveryCommentOnce() throws Exception {
    TopicProvisioner.createMissing(cluster().clientProperties(), (short) 1, true);
    String run = UUID.randomUUID().toString().substring(0, 8);
    FeaturizerSpec spec = specOfThisRun(run);
    KafkaTopics.publishSnapshot(cluster(),
        TestModels.linear("sentiment-" + run, 3, 12, spec.hash(), Map.of(), new float[] {0f, 1f, 0f}));
    ScorerConfig config = ScorerConfig.defaults().withApplicationId("scorer-" + run).withModelId("sentiment-" + run)
        .withFeaturizerSpec(spec).withFirstModelTimeout(Duration.ofSeconds(30));
    try (ScorerService one = new ScorerService(cluster().clientProperties(), config.withStateDir(stateDir.resolve("1")),
        new SimpleMeterRegistry());
        ScorerService two = new ScorerService(cluster().clientProperties(),
            config.withStateDir(stateDir.resolve("2")), new SimpleMeterRegistry())) {
      one.start();
      two.start();
      awaitRunning(one, two);
      List<String> ids = produceFeatures(new Featurizer(spec), AirlineTweets.first(400), run);

      List<ConsumerRecord<byte[], byte[]>> records = awaitScores(ids);
      assertThat(records).extracting(KafkaTopics::key).containsExactlyInAnyOrderElementsOf(ids);
      assertThat(records).extracting(ConsumerRecord::partition).containsOnly(0, 1, 2, 3);
      assertThat(one.status().scored()).isPositive();
      assertThat(two.status().scored()).isPositive();
      assertThat(one.status().scored() + two.status().scored()).isEqualTo(ids.size());
    }
  }

  @Test
  void inExactlyOnceModeACrashMidStreamEndsWithEveryCommentScoredExactlyOnce() throws Exception {
    TopicProvisioner.createMissing(cluster().clientProperties(), (short) 1, true);
    String run = UUID.randomUUID().toString().substring(0, 8);
    FeaturizerSpec spec = specOfThisRun(run);
    ModelWeights weights = TestModels.linear("sentiment-" + run, 4, 12, spec.hash(), Map.of(),
        new float[] {0f, 0f, 1f});
    AtomicInteger modelReads = new AtomicInteger();
    AtomicBoolean crashed = new AtomicBoolean();
    ScorerMetrics metrics = new ScorerMetrics(new SimpleMeterRegistry());
    // the stream thread dies half way through, inside an open transaction, and is replaced; an Error,
    // since the processing exception handler dead-letters the record of any Exception and goes on
    Supplier<ModelWeights> crashingOnce = () -> {
      if (modelReads.incrementAndGet() == 200 && crashed.compareAndSet(false, true)) {
        throw new Error("simulated crash mid-transaction");
      }
      return weights;
    };
    ScorerConfig config = ScorerConfig.defaults().withApplicationId("scorer-eos-" + run)
        .withDeliveryMode(DeliveryMode.EXACTLY_ONCE).withCommitInterval(Duration.ofSeconds(1))
        .withStateDir(stateDir);
    try (KafkaStreams streams = new KafkaStreams(ScorerTopology.build(crashingOnce, config, metrics),
        ScorerTopology.streamsProperties(cluster().clientProperties(), config))) {
      streams.setUncaughtExceptionHandler(e -> StreamThreadExceptionResponse.REPLACE_THREAD);
      streams.start();
      List<String> ids = produceFeatures(new Featurizer(spec), AirlineTweets.first(400), run);

      Set<String> wanted = Set.copyOf(ids);
      List<ConsumerRecord<byte[], byte[]>> committed = KafkaTopics.await(cluster(), Topic.SCORES.topicName(),
          r -> wanted.contains(KafkaTopics.key(r)), ids.size(), TIMEOUT);
      assertThat(crashed).isTrue();
      assertThat(metrics.scoredCount()).as("comments of the aborted transaction were scored again")
          .isGreaterThan(ids.size());
      assertThat(committed).extracting(KafkaTopics::key).containsExactlyInAnyOrderElementsOf(ids);
    }
  }

  /** A spec of its own, so features other tests left on the shared topic are refused, not scored. */
  private static FeaturizerSpec specOfThisRun(String run) {
    FeaturizerSpec d = FeaturizerSpec.defaults();
    return new FeaturizerSpec(run.hashCode(), 12, d.maxWordNgram(), d.maxCjkCharNgram(), d.normalizerVersion());
  }

  private static void awaitRunning(ScorerService... services) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    boolean allRunning = false;
    while (!allRunning && System.nanoTime() < deadline) {
      allRunning = Arrays.stream(services).allMatch(s -> s.state() == KafkaStreams.State.RUNNING);
      Thread.sleep(50);
    }
    assertThat(allRunning).as("both instances took their partitions").isTrue();
  }

  private List<String> produceFeatures(Featurizer featurizer, List<AirlineTweets.Tweet> tweets, String run) {
    List<byte[][]> records = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (AirlineTweets.Tweet tweet : tweets) {
      String id = run + "-" + tweet.id();
      if (!ids.contains(id)) {
        ids.add(id);
        Features features = AirlineTweets.features(featurizer, tweet, id);
        records.add(new byte[][] {id.getBytes(StandardCharsets.UTF_8), Codecs.FEATURES.encode(features)});
      }
    }
    KafkaTestUtils.produce(cluster(), Topic.FEATURES.topicName(), records);
    return ids;
  }

  private List<ConsumerRecord<byte[], byte[]>> awaitScores(Collection<String> ids) {
    Set<String> wanted = Set.copyOf(ids);
    List<ConsumerRecord<byte[], byte[]>> records = KafkaTopics.await(cluster(), Topic.SCORES.topicName(),
        r -> wanted.contains(KafkaTopics.key(r)), wanted.size(), TIMEOUT);
    assertThat(records).hasSizeGreaterThanOrEqualTo(wanted.size());
    return records;
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void awaitModelVersion(ScorerService service, long version) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (service.status().modelVersion() < version && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(service.status().modelVersion()).isEqualTo(version);
  }
}
