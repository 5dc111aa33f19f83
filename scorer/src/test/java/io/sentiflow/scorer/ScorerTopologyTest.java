package io.sentiflow.scorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sentiflow.avro.Features;
import io.sentiflow.avro.Rejected;
import io.sentiflow.avro.Sentiment;
import io.sentiflow.avro.SentimentScore;
import io.sentiflow.avro.TermContribution;
import io.sentiflow.avro.ThreadSentiment;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.Topic;
import io.sentiflow.schemas.model.ModelWeights;
import io.sentiflow.scorer.aggregate.ThreadSentimentQueries;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorerTopologyTest {

  @TempDir
  Path stateDir;

  private final AtomicReference<ModelWeights> model = new AtomicReference<>(TestModels.sentimentModel(7));
  private final ScorerMetrics metrics = new ScorerMetrics(new SimpleMeterRegistry());
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> features;
  private TestOutputTopic<String, SentimentScore> scores;
  private TestOutputTopic<String, Rejected> rejected;
  private TestOutputTopic<String, ThreadSentiment> byThread;

  @BeforeEach
  void startDriver() {
    ScorerConfig config = ScorerConfig.defaults().withStateDir(stateDir).withTopK(2)
        .withWindow(Duration.ofMinutes(1), Duration.ofSeconds(10));
    Properties props = new Properties();
    props.put("bootstrap.servers", "unused:9092");
    driver = new TopologyTestDriver(ScorerTopology.build(model::get, config, metrics),
        ScorerTopology.streamsProperties(props, config));
    features = driver.createInputTopic(Topic.FEATURES.topicName(), new StringSerializer(), new ByteArraySerializer());
    scores = driver.createOutputTopic(Topic.SCORES.topicName(), new StringDeserializer(),
        ScorerTopology.SCORE_SERDE);
    rejected = driver.createOutputTopic(Topic.REJECTED.topicName(), new StringDeserializer(),
        ScorerTopology.REJECTED_SERDE);
    byThread = driver.createOutputTopic(Topic.SENTIMENT_BY_THREAD.topicName(), new StringDeserializer(),
        ScorerTopology.THREAD_SERDE);
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  private void send(Features f) {
    features.pipeInput(f.getCommentId(), Codecs.FEATURES.encode(f), f.getEventTime());
  }

  @Test
  void scoresWithTheServedModelAndExplainsWithTheTermsThatPushedTheClass() {
    send(TestModels.positive("c1", "delta", 60_000));

    TestRecord<String, SentimentScore> out = scores.readRecord();
    SentimentScore score = out.value();
    assertThat(out.key()).isEqualTo("c1");
    assertThat(out.timestamp()).as("published at score time, not the comment's event time")
        .isEqualTo(score.getScoreTime());
    assertThat(score.getCommentId()).isEqualTo("c1");
    assertThat(score.getThread()).isEqualTo("delta");
    assertThat(score.getSentiment()).isEqualTo(Sentiment.POSITIVE);
    assertThat(score.getModelVersion()).isEqualTo(7);
    assertThat(score.getProbabilities()).hasSize(3);
    assertThat(score.getProbabilities().stream().mapToDouble(Float::doubleValue).sum()).isCloseTo(1.0, within(1e-5));
    assertThat(score.getConfidence()).isEqualTo(score.getProbabilities().get(2));
    // "good" appears twice among three ids, each pushing POSITIVE by 3/3; "flight" is unknown to the model.
    assertThat(score.getExplanation()).extracting(TermContribution::getTerm).containsExactly("good");
    assertThat(score.getExplanation().get(0).getWeight()).isCloseTo(2f, within(1e-5f));
    assertThat(score.getEventTime()).isEqualTo(60_000);
    assertThat(score.getIngestTime()).isEqualTo(60_005);
    assertThat(score.getScoreTime()).isPositive();
    assertThat(rejected.isEmpty()).isTrue();
  }

  @Test
  void everyScoreNamesTheVersionServedWhenItWasComputed() {
    send(TestModels.negative("c1", "delta", 1_000));
    model.set(TestModels.sentimentModel(8));
    send(TestModels.negative("c2", "delta", 2_000));

    List<SentimentScore> out = scores.readValuesToList();
    assertThat(out).extracting(SentimentScore::getModelVersion).containsExactly(7L, 8L);
    assertThat(out).extracting(SentimentScore::getSentiment).containsOnly(Sentiment.NEGATIVE);
  }

  @Test
  void featuresOfAnotherFeaturizerSpecAreRejectedWithTheReason() {
    Features foreign = TestModels.features("c1", "delta", 42L, List.of(1), List.of("good"), 1_000);
    send(foreign);

    assertThat(scores.isEmpty()).isTrue();
    KeyValue<String, Rejected> dead = rejected.readKeyValue();
    assertThat(dead.key).isEqualTo("features");
    assertThat(dead.value.getStage()).isEqualTo("scorer");
    assertThat(dead.value.getSource()).isEqualTo("features");
    assertThat(dead.value.getReason()).contains("spec").contains(String.format("%016x", 42L));
    assertThat(dead.value.getOriginal().array()).isEqualTo(Codecs.FEATURES.encode(foreign));
  }

  @Test
  void garbageIsRejectedAndGoodRecordsAroundItFlowOn() {
    send(TestModels.positive("c1", "delta", 1_000));
    byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
    features.pipeInput("c2", garbage, 1_500);
    features.pipeInput("c3", null, 1_600);
    send(TestModels.features("c4", "delta", TestModels.SPEC, List.of(1 << 20), List.of("far"), 1_700));
    send(TestModels.negative("c5", "delta", 2_000));

    assertThat(scores.readValuesToList()).extracting(SentimentScore::getCommentId).containsExactly("c1", "c5");
    List<Rejected> dead = rejected.readValuesToList();
    assertThat(dead).hasSize(3).allSatisfy(r -> assertThat(r.getStage()).isEqualTo("scorer"));
    assertThat(dead.get(0).getOriginal().array()).isEqualTo(garbage);
    assertThat(dead.get(0).getKey().array()).isEqualTo("c2".getBytes(StandardCharsets.UTF_8));
    assertThat(dead.get(1).getReason()).contains("null");
    assertThat(dead.get(2).getReason()).contains("outside");
  }

  @Test
  void rejectedRecordsNameTheFeaturesTopicTheyCameFrom() {
    ScorerTopics bench = ScorerTopics.prefixed("bench-");
    ScorerConfig config = ScorerConfig.defaults().withStateDir(stateDir.resolve("bench"))
        .withApplicationId("bench-scorer");
    Properties props = new Properties();
    props.put("bootstrap.servers", "unused:9092");
    try (TopologyTestDriver benchDriver = new TopologyTestDriver(ScorerTopology.build(model::get, config, metrics,
        bench), ScorerTopology.streamsProperties(props, config))) {
      benchDriver.createInputTopic(bench.features(), new StringSerializer(), new ByteArraySerializer())
          .pipeInput("c1", "not avro at all".getBytes(StandardCharsets.UTF_8), 1_000);

      KeyValue<String, Rejected> dead = benchDriver.createOutputTopic(bench.rejected(), new StringDeserializer(),
          ScorerTopology.REJECTED_SERDE).readKeyValue();
      assertThat(dead.key).isEqualTo("bench-features");
      assertThat(dead.value.getSource()).isEqualTo("bench-features");
    }
  }

  @Test
  void aReplayedCommentIsScoredOnce() {
    Features f = TestModels.positive("c1", "delta", 1_000);
    send(f);
    send(TestModels.negative("c2", "delta", 1_100));
    send(f);
    model.set(TestModels.sentimentModel(8));
    send(f);

    assertThat(scores.readValuesToList()).extracting(SentimentScore::getCommentId).containsExactly("c1", "c2");
    assertThat(metrics.duplicateCount()).isEqualTo(2);
    assertThat(metrics.scoredCount()).isEqualTo(2);
    // the window aggregate counted c1 once
    ThreadSentiment last = null;
    for (KeyValue<String, ThreadSentiment> kv : byThread.readKeyValuesToList()) {
      last = kv.value;
    }
    assertThat(last.getCount()).isEqualTo(2);
  }

  @Test
  void aRecordRememberedAsServedButReplayedAfterACrashIsScoredAgainWithoutCountingTwice() {
    // at least once, the served store is restored past the last commit: the crash hit after the store
    // remembered the first features record (offset 0) but before its score reached `scores`
    KeyValueStore<String, long[]> served = driver.getKeyValueStore(ServedPredictions.STORE);
    served.put("c1", new long[] {1_000, 7, Sentiment.POSITIVE.ordinal(), 0});
    send(TestModels.positive("c1", "delta", 1_000));

    assertThat(scores.readValuesToList()).extracting(SentimentScore::getCommentId).containsExactly("c1");
    assertThat(byThread.isEmpty()).as("the window aggregate counted c1 before the crash").isTrue();
    assertThat(metrics.scoredCount()).isZero();
    assertThat(metrics.duplicateCount()).isZero();
  }

  @Test
  void aggregatesEachThreadPerTumblingWindowAndAcceptsLateCommentsWithinGrace() {
    send(TestModels.positive("a1", "delta", 0));
    send(TestModels.negative("a2", "delta", 10_000));
    send(TestModels.negative("b1", "united", 20_000));
    send(TestModels.positive("a3", "delta", 61_000));   // next window
    send(TestModels.negative("a4", "delta", 55_000));   // late, within the 10 s grace
    send(TestModels.negative("b2", "united", 200_000)); // closes everything before 2 min
    send(TestModels.positive("a5", "delta", 30_000));   // too late for its window

    Map<String, ThreadSentiment> latest = byThread.readKeyValuesToMap();
    ThreadSentiment deltaFirst = latest.get("delta@0");
    assertThat(deltaFirst.getWindowStart()).isZero();
    assertThat(deltaFirst.getWindowEnd()).isEqualTo(60_000);
    assertThat(deltaFirst.getCount()).isEqualTo(3);
    assertThat(deltaFirst.getPositive()).isEqualTo(1);
    assertThat(deltaFirst.getNegative()).isEqualTo(2);
    assertThat(latest.get("delta@60000").getCount()).isEqualTo(1);
    assertThat(latest.get("united@0").getMeanScore()).isNegative();
    // a5 is still scored, only its window had closed
    assertThat(scores.readValuesToList()).hasSize(7);
  }

  @Test
  void answersQueriesAboutRecentWindowsAndTheMostNegativeThreads() {
    send(TestModels.positive("a1", "delta", 0));
    send(TestModels.negative("a2", "delta", 61_000));
    send(TestModels.positive("a3", "delta", 62_000));
    send(TestModels.negative("b1", "united", 65_000));
    send(TestModels.negative("b2", "united", 66_000));
    send(TestModels.positive("c1", "jetblue", 70_000));

    ThreadSentimentQueries queries = new ThreadSentimentQueries(
        driver.getWindowStore(ScorerTopology.THREAD_STORE), Duration.ofMinutes(1));
    assertThat(queries.recentWindows("delta", 5)).extracting(ThreadSentiment::getWindowStart)
        .containsExactly(60_000L, 0L);
    assertThat(queries.currentWindow("delta")).get().extracting(ThreadSentiment::getCount).isEqualTo(2L);
    assertThat(queries.windows("delta", Instant.EPOCH, Instant.ofEpochMilli(30_000)))
        .singleElement().extracting(ThreadSentiment::getThread).isEqualTo("delta");
    assertThat(queries.mostNegativeThreads(2, 1)).extracting(ThreadSentiment::getThread)
        .containsExactly("united", "delta");
    assertThat(queries.mostNegativeThreads(10, 2)).extracting(ThreadSentiment::getThread)
        .containsExactly("united", "delta");
    assertThat(queries.currentWindow("nobody")).isEmpty();
  }
}
