package io.sentiflow.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sentiflow.avro.Comment;
import io.sentiflow.avro.Features;
import io.sentiflow.features.AirlineTweets.Tweet;
import io.sentiflow.features.bench.KafkaFeatureThroughput;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.testing.KafkaCluster;
import io.sentiflow.schemas.testing.KafkaTestUtils;
import io.sentiflow.schemas.testing.SharedEmbeddedKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KafkaFeatureThroughputTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  private final KafkaCluster kafka = SharedEmbeddedKafka.get();

  @Test
  void bothJobsRunOverEveryPreloadedComment() throws Exception {
    List<Comment> tweets = AirlineTweets.firstByCreation(2_000).stream().map(Tweet::comment).toList();
    // Distinct ids, as the bench uses: the feature job writes a repeated id once.
    List<byte[]> comments = IntStream.range(0, tweets.size())
        .mapToObj(i -> Codecs.COMMENT.encode(Comment.newBuilder(tweets.get(i)).setId("bench-" + i).build()))
        .toList();
    FeatureTopics topics = TestTopics.create(kafka);
    String forwarded = topics.comments() + "-forwarded";
    KafkaTestUtils.createTopics(kafka, Map.of(forwarded, 4));
    KafkaFeatureThroughput.preload(kafka.clientProperties(), topics.comments(), comments);

    KafkaFeatureThroughput.Figures figures = KafkaFeatureThroughput.measure(kafka.clientProperties(), topics,
        forwarded, comments.size(), 2, WAIT);

    assertThat(figures.parallelism()).isEqualTo(2);
    assertThat(figures.featureJobPerSecond()).isPositive();
    assertThat(figures.forwardJobPerSecond()).isPositive();
    assertThat(figures.ratio()).isCloseTo(figures.featureJobPerSecond() / figures.forwardJobPerSecond(),
        within(1e-9));
    // Each job ran twice (warm-up, measured), each time over every comment.
    Map<String, Long> featuresPerId = TopicReader.readAll(kafka, topics.features(), 2 * comments.size(), WAIT,
            Codecs.FEATURES::decode).stream()
        .collect(Collectors.groupingBy(Features::getCommentId, Collectors.counting()));
    assertThat(featuresPerId).hasSize(comments.size()).allSatisfy((id, count) -> assertThat(count).isEqualTo(2));
    assertThat(TopicReader.readAll(kafka, forwarded, 2 * comments.size(), WAIT, Function.identity()))
        .hasSize(2 * comments.size());
  }
}
