package io.sentiflow.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentiflow.avro.Features;
import io.sentiflow.avro.TrainingExample;
import io.sentiflow.features.AirlineTweets.Tweet;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.testing.KafkaCluster;
import io.sentiflow.schemas.testing.KafkaTestUtils;
import io.sentiflow.schemas.testing.SharedEmbeddedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancels the job after it wrote output that its last savepoint does not cover, restarts it from that
 * savepoint, and checks that the replay neither loses nor repeats a training example or features record.
 */
class FeatureJobRestartTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  private final KafkaCluster kafka = SharedEmbeddedKafka.get();

  @Test
  void restartFromASavepointLosesAndRepeatsNothing(@TempDir Path savepoints) throws Exception {
    List<Tweet> tweets = AirlineTweets.firstByCreation(600);
    List<Tweet> beforeSavepoint = tweets.subList(0, 240);
    List<Tweet> afterSavepoint = tweets.subList(240, 420);
    List<Tweet> afterRestart = tweets.subList(420, tweets.size());
    // Half the labels of the comments written after the savepoint arrive only after the restart.
    List<Tweet> lateLabels = afterSavepoint.stream().filter(t -> t.id().hashCode() % 2 == 0).toList();
    List<Tweet> earlyLabels = afterSavepoint.stream().filter(t -> t.id().hashCode() % 2 != 0).toList();

    FeatureTopics topics = TestTopics.create(kafka);
    FeatureJobConfig config = FeatureJobConfig.defaults()
        .withTopics(topics)
        .withJobId("features-restart-" + UUID.randomUUID())
        .withParallelism(2)
        .withExactlyOnceFeatures(true)
        // Only the savepoint below counts: nothing the job writes later is covered by a checkpoint.
        .withCheckpointInterval(Duration.ofMinutes(30));

    produce(topics, beforeSavepoint, beforeSavepoint);
    JobClient first = FeatureJob.startLocal(kafka.clientProperties(), config);
    String savepoint;
    try {
      awaitExamples(topics, distinctIds(beforeSavepoint));
      savepoint = first.triggerSavepoint(savepoints.toUri().toString(), SavepointFormatType.CANONICAL).get();
      produce(topics, afterSavepoint, earlyLabels);
      awaitExamples(topics, distinctIds(beforeSavepoint) + distinctIds(earlyLabels));
    } finally {
      first.cancel().get();
    }

    KafkaTestUtils.produce(kafka, topics.labels(), TweetRecords.labels(lateLabels));
    produce(topics, afterRestart, afterRestart);
    JobClient second = FeatureJob.startLocal(kafka.clientProperties(), config, savepoint);
    try {
      List<String> allIds = tweets.stream().map(Tweet::id).distinct().toList();
      List<TrainingExample> examples = awaitExamples(topics, allIds.size());
      List<Features> features = TopicReader.readAll(kafka, topics.features(), allIds.size(), WAIT,
          Codecs.FEATURES::decode);

      assertThat(examples).extracting(e -> e.getFeatures().getCommentId())
          .containsExactlyInAnyOrderElementsOf(allIds);
      assertThat(features).extracting(Features::getCommentId).containsExactlyInAnyOrderElementsOf(allIds);
    } finally {
      second.cancel().get();
    }
  }

  private void produce(FeatureTopics topics, List<Tweet> comments, List<Tweet> labels) {
    KafkaTestUtils.produce(kafka, topics.comments(), TweetRecords.comments(comments));
    KafkaTestUtils.produce(kafka, topics.labels(), TweetRecords.labels(labels));
  }

  private List<TrainingExample> awaitExamples(FeatureTopics topics, long count) {
    return TopicReader.readAll(kafka, topics.trainingExamples(), (int) count, WAIT,
        Codecs.TRAINING_EXAMPLE::decode);
  }

  private static long distinctIds(List<Tweet> tweets) {
    return tweets.stream().map(Tweet::id).distinct().count();
  }
}
