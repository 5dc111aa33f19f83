package io.sentiflow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sentiflow.avro.Rejected;
import io.sentiflow.avro.SentimentScore;
import io.sentiflow.features.FeatureJobConfig;
import io.sentiflow.ingest.replay.DatasetPreset;
import io.sentiflow.ingest.replay.DatasetReplay;
import io.sentiflow.ingest.replay.LabelDelay;
import io.sentiflow.ingest.replay.ReplayConfig;
import io.sentiflow.ingest.replay.ReplayListener;
import io.sentiflow.ingest.replay.ReplayResult;
import io.sentiflow.learner.LearnerConfig;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.Topic;
import io.sentiflow.schemas.testing.KafkaCluster;
import io.sentiflow.schemas.testing.KafkaTestUtils;
import io.sentiflow.scorer.ScorerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.LongSummaryStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a slice of the real airline data: real broker, Flink MiniCluster, DJL
 * learner and Streams scorer in one JVM, as {@code sentiflow demo} runs them.
 */
class EndToEndTest {

  private static final int COMMENTS = 1_000;

  @TempDir
  Path stateDir;

  @Test
  void everyCommentIsScoredExactlyOnceWhileTheModelAdvancesAndGarbageIsRejected() throws Exception {
    ScorerConfig scorerConfig = ScorerConfig.forReplays().withStateDir(stateDir);
    try (EmbeddedRuntime runtime = EmbeddedRuntime.start(LearnerConfig.defaults(), scorerConfig,
            FeatureJobConfig.defaults(), new SimpleMeterRegistry());
        ScoreTally scores = new ScoreTally(runtime.kafka(), Topic.SCORES.topicName())) {
      KafkaCluster cluster = runtime::bootstrapServers;
      long versionAtStart = runtime.learner().status().modelVersion();
      byte[] garbage = "not a comment \u0000\u00ff".getBytes(StandardCharsets.UTF_8);
      KafkaTestUtils.produce(cluster, Topic.COMMENTS.topicName(), List.<byte[][]>of(new byte[][] {"junk".getBytes(), garbage}));

      ReplayConfig replay = ReplayConfig.preset(DatasetPreset.AIRLINE, dataDir())
          .withMaxComments(COMMENTS)
          .withLabelDelay(new LabelDelay.Exponential(Duration.ofSeconds(20)));
      ReplayResult replayed = DatasetReplay.run(runtime.kafka(), replay, ReplayListener.none());

      long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
      while ((scores.distinctKeys() < replayed.distinctCommentIds()
              || runtime.learner().status().trainedExamples() < replayed.labelsSent())
          && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      Thread.sleep(2_000); // a duplicate score would show up now

      assertThat(replayed.distinctCommentIds()).isEqualTo(COMMENTS);
      assertThat(scores.distinctKeys()).isEqualTo(replayed.distinctCommentIds());
      assertThat(scores.records()).as("one score per comment").isEqualTo(scores.distinctKeys());
      assertThat(runtime.learner().status().trainedExamples()).isEqualTo(replayed.labelsSent());
      assertThat(runtime.learner().status().modelVersion()).isGreaterThan(versionAtStart + 1);

      List<SentimentScore> scored = KafkaTestUtils.consumeAtLeast(cluster, Topic.SCORES.topicName(), COMMENTS,
              Duration.ofSeconds(30)).stream().map(r -> Codecs.SENTIMENT_SCORE.decode(r.value())).toList();
      LongSummaryStatistics versions = scored.stream().mapToLong(SentimentScore::getModelVersion).summaryStatistics();
      assertThat(versions.getMax()).as("later comments are scored by newer models").isGreaterThan(versions.getMin());

      List<Rejected> rejected = KafkaTestUtils.consumeAtLeast(cluster, Topic.REJECTED.topicName(), 1,
              Duration.ofSeconds(30)).stream().map(r -> Codecs.REJECTED.decode(r.value())).toList();
      assertThat(rejected).anySatisfy(r -> {
        assertThat(r.getStage()).isEqualTo("features");
        assertThat(r.getSource()).isEqualTo(Topic.COMMENTS.topicName());
        assertThat(bytes(r.getOriginal())).isEqualTo(garbage);
      });
    }
  }

  private static byte[] bytes(java.nio.ByteBuffer buffer) {
    byte[] copy = new byte[buffer.remaining()];
    buffer.duplicate().get(copy);
    return copy;
  }

  private static Path dataDir() {
    return Path.of(System.getProperty("sentiflow.data.dir"));
  }
}
