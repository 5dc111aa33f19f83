package io.sentiflow.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FeatureJobArgsTest {

  @Test
  void mapsFlagsOntoTheConfigAndKeepsDefaultsForTheRest() {
    FeatureJobArgs args = FeatureJobArgs.parse(new String[] {
        "--bootstrap-servers", "kafka:9092", "--parallelism", "2", "--checkpoint-interval", "500ms",
        "--state-ttl", "2h", "--exactly-once-features", "true", "--job-id", "features-eu",
        "--starting-offsets", "latest", "--topic-suffix", "eu", "--kafka.security.protocol", "SSL"});

    FeatureJobConfig config = args.config();
    assertThat(config.parallelism()).isEqualTo(2);
    assertThat(config.checkpointInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.stateTtl()).isEqualTo(Duration.ofHours(2));
    assertThat(config.exactlyOnceFeatures()).isTrue();
    assertThat(config.groupId()).isEqualTo("features-eu");
    assertThat(config.transactionalIdPrefix()).isEqualTo("features-eu");
    assertThat(config.startingOffsets()).isEqualTo(FeatureJobConfig.StartingOffsets.LATEST);
    assertThat(config.topics().comments()).isEqualTo("comments-eu");
    assertThat(config.topics().trainingExamples()).isEqualTo("training-examples-eu");
    assertThat(config.bucketBits()).isEqualTo(FeatureJobConfig.defaults().bucketBits());
    assertThat(config.maxOutOfOrderness()).isEqualTo(FeatureJobConfig.defaults().maxOutOfOrderness());
    assertThat(args.kafka()).containsEntry("bootstrap.servers", "kafka:9092")
        .containsEntry("security.protocol", "SSL");
  }

  @Test
  void bootstrapServersAreRequired() {
    assertThatThrownBy(() -> FeatureJobArgs.parse(new String[] {"--parallelism", "2"}))
        .hasMessageContaining("bootstrap-servers");
  }

  @Test
  void rejectsAParallelismBelowOne() {
    assertThatThrownBy(() -> FeatureJobConfig.defaults().withParallelism(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
