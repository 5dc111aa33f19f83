package io.sentiflow.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentiflow.avro.Comment;
import io.sentiflow.avro.Features;
import io.sentiflow.avro.Label;
import io.sentiflow.avro.Rejected;
import io.sentiflow.avro.Sentiment;
import io.sentiflow.avro.TrainingExample;
import io.sentiflow.features.AirlineTweets.Tweet;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.testing.KafkaCluster;
import io.sentiflow.schemas.testing.KafkaTestUtils;
import io.sentiflow.schemas.testing.SharedEmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/**
 * Join state lives the configured span of event time. The job runs over bounded input, so at the end
 * the final watermark fires every timer and the accumulators count exactly what expired unjoined.
 */
class StateExpiryTest {

  private static final Duration TTL = Duration.ofHours(1);
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final KafkaCluster kafka = SharedEmbeddedKafka.get();

  @Test
  void labelsLaterThanTheTtlDoNotJoinAndExpiredStateIsCleared() throws Exception {
    List<Tweet> tweets = AirlineTweets.firstByCreation(4);
    long start = tweets.get(0).comment().getEventTime();
    Comment joined = at(tweets.get(0).comment(), start);
    Comment labelledTooLate = at(tweets.get(1).comment(), start);
    Comment neverLabelled = at(tweets.get(2).comment(), start + Duration.ofMinutes(10).toMillis());
    String neverCommented = tweets.get(3).id();

    FeatureTopics topics = TestTopics.create(kafka);
    KafkaTestUtils.produce(kafka, topics.comments(), List.of(
        record(joined.getId(), Codecs.COMMENT.encode(joined)),
        record(labelledTooLate.getId(), Codecs.COMMENT.encode(labelledTooLate)),
        record(neverLabelled.getId(), Codecs.COMMENT.encode(neverLabelled))));
    KafkaTestUtils.produce(kafka, topics.labels(), List.of(
        label(joined.getId(), start + Duration.ofSeconds(30).toMillis()),
        label(labelledTooLate.getId(), start + TTL.toMillis() + 1),
        label(neverCommented, start + Duration.ofMinutes(5).toMillis())));

    FeatureJobConfig config = FeatureJobConfig.defaults()
        .withTopics(topics)
        .withJobId("features-expiry-" + UUID.randomUUID())
        .withStateTtl(TTL);
    Properties props = kafka.clientProperties();
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironment(1, FeatureJob.leanLocalCluster());
    new FeatureJob(config, bounded(props, config, topics.comments()), bounded(props, config, topics.labels()),
        KafkaWiring.features(props, config),
        KafkaWiring.exactlyOnce(props, topics.trainingExamples(), t -> t.getFeatures().getCommentId(),
            () -> Codecs.TRAINING_EXAMPLE, config.transactionalIdPrefix()),
        KafkaWiring.atLeastOnce(props, topics.rejected(), Rejected::getSource, () -> Codecs.REJECTED))
        .build(env);
    JobExecutionResult result = env.execute("state-expiry");

    List<TrainingExample> examples = TopicReader.readAll(kafka, topics.trainingExamples(), 1, WAIT,
        Codecs.TRAINING_EXAMPLE::decode);
    List<Features> features = TopicReader.readAll(kafka, topics.features(), 3, WAIT, Codecs.FEATURES::decode);
    assertThat(examples).extracting(e -> e.getFeatures().getCommentId()).containsExactly(joined.getId());
    assertThat(features).extracting(Features::getCommentId)
        .containsExactlyInAnyOrder(joined.getId(), labelledTooLate.getId(), neverLabelled.getId());
    // Unlabelled: the comment whose label came too late and the one never labelled.
    assertThat((Long) result.getAccumulatorResult(LabelJoinFunction.EXPIRED_UNLABELLED)).isEqualTo(2L);
    // Orphans: the too-late label (it outlived its comment's state) and the label without a comment.
    assertThat((Long) result.getAccumulatorResult(LabelJoinFunction.EXPIRED_ORPHAN_LABELS)).isEqualTo(2L);
  }

  private static KafkaSource<KafkaBytes> bounded(Properties kafka, FeatureJobConfig config, String topic) {
    return KafkaSource.<KafkaBytes>builder()
        .setProperties(kafka)
        .setTopics(topic)
        .setGroupId(config.groupId())
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setBounded(OffsetsInitializer.latest())
        .setDeserializer(new KafkaBytesDeserializer())
        .build();
  }

  private static Comment at(Comment comment, long eventTime) {
    return Comment.newBuilder(comment).setEventTime(eventTime).setIngestTime(eventTime).build();
  }

  private static byte[][] label(String commentId, long labelTime) {
    Label label = Label.newBuilder().setCommentId(commentId).setSentiment(Sentiment.NEGATIVE)
        .setSource("test").setLabelTime(labelTime).build();
    return record(commentId, Codecs.LABEL.encode(label));
  }

  private static byte[][] record(String key, byte[] value) {
    return new byte[][] {key.getBytes(StandardCharsets.UTF_8), value};
  }
}
