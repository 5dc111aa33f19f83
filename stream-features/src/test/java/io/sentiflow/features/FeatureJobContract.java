package io.sentiflow.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentiflow.avro.Features;
import io.sentiflow.avro.Rejected;
import io.sentiflow.avro.TrainingExample;
import io.sentiflow.features.AirlineTweets.Tweet;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.testing.KafkaCluster;
import io.sentiflow.schemas.testing.KafkaTestUtils;
import io.sentiflow.schemas.text.FeaturizerSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Test;

/**
 * The Kafka-wired job on a MiniCluster against a real broker, fed real airline tweets; run against the
 * embedded broker and a Kafka container.
 */
abstract class FeatureJobContract {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final byte[] GARBAGE = "definitely not avro".getBytes(StandardCharsets.UTF_8);

  abstract KafkaCluster kafka();

  @Test
  void featurizesEveryCommentOnceJoinsEveryLabelOnceAndDeadLettersGarbage() throws Exception {
    List<Tweet> tweets = AirlineTweets.firstByCreation(300);
    Map<String, Tweet> firstById = tweets.stream()
        .collect(Collectors.toMap(Tweet::id, Function.identity(), (first, repeat) -> first, LinkedHashMap::new));
    List<String> ids = new ArrayList<>(firstById.keySet());
    // Every fifth comment never gets a label; a third of the labels arrive before their comments.
    List<Tweet> labelled = tweets.stream().filter(t -> ids.indexOf(t.id()) % 5 != 0).toList();
    List<Tweet> labelsFirst = labelled.stream().filter(t -> ids.indexOf(t.id()) % 3 == 0).toList();
    List<Tweet> labelsAfter = labelled.stream().filter(t -> ids.indexOf(t.id()) % 3 != 0).toList();
    long labelledIds = labelled.stream().map(Tweet::id).distinct().count();

    FeatureTopics topics = TestTopics.create(kafka());
    KafkaTestUtils.produce(kafka(), topics.labels(), TweetRecords.labels(labelsFirst));
    List<byte[][]> comments = TweetRecords.comments(tweets);
    comments.add(comments.size() / 2, new byte[][] {"bad-key".getBytes(StandardCharsets.UTF_8), GARBAGE});
    KafkaTestUtils.produce(kafka(), topics.comments(), comments);

    FeatureJobConfig config = FeatureJobConfig.defaults()
        .withTopics(topics)
        .withJobId("features-test-" + UUID.randomUUID())
        .withCheckpointInterval(Duration.ofMillis(500));
    JobClient job = FeatureJob.startLocal(kafka().clientProperties(), config);
    try {
      KafkaTestUtils.produce(kafka(), topics.labels(), TweetRecords.labels(labelsAfter));

      List<TrainingExample> examples = TopicReader.readAll(kafka(), topics.trainingExamples(), (int) labelledIds,
          WAIT, Codecs.TRAINING_EXAMPLE::decode);
      // Every comment was featurized before its training example could be emitted.
      List<Features> features = TopicReader.readAll(kafka(), topics.features(), ids.size(), WAIT,
          Codecs.FEATURES::decode);
      List<Rejected> rejected = TopicReader.readAll(kafka(), topics.rejected(), 1, WAIT, Codecs.REJECTED::decode);

      assertThat(rejected).extracting(Rejected::getReason).hasSize(1);
      assertThat(rejected).singleElement().satisfies(r -> {
        assertThat(r.getStage()).isEqualTo(FeatureJob.STAGE);
        assertThat(r.getSource()).isEqualTo(topics.comments());
        assertThat(r.getReason()).isNotBlank();
        assertThat(bytes(r.getOriginal())).isEqualTo(GARBAGE);
      });

      assertThat(features).extracting(Features::getCommentId).containsExactlyInAnyOrderElementsOf(ids);
      long specHash = FeaturizerSpec.defaults().hash();
      assertThat(features).allSatisfy(f -> {
        assertThat(f.getSpecHash()).isEqualTo(specHash);
        assertThat(f.getFeatureIds()).isNotEmpty().hasSameSizeAs(f.getTerms());
        assertThat(f.getEventTime()).isEqualTo(firstById.get(f.getCommentId()).comment().getEventTime());
      });

      assertThat(examples).extracting(e -> e.getFeatures().getCommentId())
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(labelled.stream().map(Tweet::id).distinct().toList());
      assertThat(examples).allSatisfy(e -> {
        Tweet first = firstLabelled(labelled, e.getFeatures().getCommentId());
        assertThat(e.getLabel()).isEqualTo(first.label().getSentiment());
        assertThat(e.getLabelDelayMs()).isEqualTo(AirlineTweets.LABEL_DELAY_MS);
        assertThat(e.getFeatures().getSpecHash()).isEqualTo(specHash);
      });

    } finally {
      job.cancel().get();
    }
  }

  private static Tweet firstLabelled(List<Tweet> labelled, String id) {
    return labelled.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
  }


  private static byte[] bytes(java.nio.ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
