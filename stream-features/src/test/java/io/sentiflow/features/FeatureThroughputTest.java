package io.sentiflow.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sentiflow.features.AirlineTweets.Tweet;
import io.sentiflow.features.bench.FeatureThroughput;
import io.sentiflow.schemas.Codecs;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureThroughputTest {

  @Test
  void measuresBothJobsOverTheSameComments() throws Exception {
    List<byte[]> comments = AirlineTweets.firstByCreation(2_000).stream()
        .map(Tweet::comment).map(Codecs.COMMENT::encode).toList();

    FeatureThroughput.Figures figures = FeatureThroughput.measure(comments, 1);

    assertThat(figures.comments()).isEqualTo(2_000);
    assertThat(figures.parallelism()).isEqualTo(1);
    assertThat(figures.featureJobMillis()).isPositive();
    assertThat(figures.forwardJobMillis()).isPositive();
    assertThat(figures.ratio()).isCloseTo(
        figures.featureJobCommentsPerSecond() / figures.forwardJobCommentsPerSecond(), within(1e-9));
  }
}
