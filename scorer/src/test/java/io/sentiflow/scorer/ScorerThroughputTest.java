package io.sentiflow.scorer;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentiflow.avro.Features;
import io.sentiflow.schemas.model.ModelWeights;
import io.sentiflow.schemas.testing.SharedEmbeddedKafka;
import io.sentiflow.schemas.text.Featurizer;
import io.sentiflow.schemas.text.FeaturizerSpec;
import io.sentiflow.scorer.bench.ScorerThroughput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The benchmark runs end to end on the embedded broker; small sizes, so no figures are asserted. */
class ScorerThroughputTest {

  @Test
  void measuresThroughputAgainstAPassThroughAndLatencyAtAFixedRate() {
    FeaturizerSpec spec = FeaturizerSpec.defaults().withBucketBits(12);
    Featurizer featurizer = new Featurizer(spec);
    ModelWeights model = TestModels.linear("sentiment", 1, 12, spec.hash(),
        Map.of(featurizer.bucketOf("thanks"), new float[] {0f, 0f, 2f}), new float[] {0.5f, 0f, 0f});
    List<Features> features = new ArrayList<>();
    String run = UUID.randomUUID().toString().substring(0, 8);
    for (AirlineTweets.Tweet tweet : AirlineTweets.first(2_000)) {
      features.add(AirlineTweets.features(featurizer, tweet, run + "-" + features.size()));
    }
    ScorerConfig config = ScorerConfig.forReplays().withFeaturizerSpec(spec);
    var kafka = SharedEmbeddedKafka.get().clientProperties();

    ScorerThroughput.Throughput throughput =
        ScorerThroughput.throughput(kafka, config, model, features, Duration.ofSeconds(60));
    assertThat(throughput.records()).isEqualTo(2_000);
    assertThat(throughput.passThroughPerSecond()).isPositive();
    assertThat(throughput.scorerPerSecond()).isPositive();
    assertThat(List.of(throughput.passThroughPerSecond(), throughput.scorerPerSecond(), throughput.ratio()))
        .as("every figure is a finite rate").allSatisfy(figure -> assertThat(figure).isFinite().isPositive());

    ScorerThroughput.Latency latency = ScorerThroughput.latency(kafka, config, model, features.subList(0, 500),
        250, Duration.ofSeconds(60));
    assertThat(latency.records()).as("every comment's score was read").isEqualTo(500);
    assertThat(latency.p50Ms()).isPositive().isLessThanOrEqualTo(latency.p99Ms());
    assertThat(latency.p99Ms()).isLessThanOrEqualTo(latency.maxMs());
    System.out.println("bench " + throughput + " " + latency);
  }
}
