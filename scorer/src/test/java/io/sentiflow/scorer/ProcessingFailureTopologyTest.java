package io.sentiflow.scorer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sentiflow.avro.Features;
import io.sentiflow.avro.Label;
import io.sentiflow.avro.Rejected;
import io.sentiflow.avro.Sentiment;
import io.sentiflow.avro.SentimentScore;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.Topic;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A processor that throws dead-letters its input record instead of stopping the partition. */
class ProcessingFailureTopologyTest {

  @TempDir
  Path stateDir;

  /** A meter registry whose labels-joined counter throws on its first increment. */
  private static final class BreaksOnFirstLabel extends SimpleMeterRegistry {
    private final AtomicBoolean broken = new AtomicBoolean();

    @Override
    protected Counter newCounter(Meter.Id id) {
      Counter counter = super.newCounter(id);
      if (!id.getName().equals("sentiflow.scorer.labels.joined")) {
        return counter;
      }
      return new Counter() {
        @Override
        public void increment(double amount) {
          if (broken.compareAndSet(false, true)) {
            throw new IllegalStateException("meter broke");
          }
          counter.increment(amount);
        }

        @Override
        public double count() {
          return counter.count();
        }

        @Override
        public Meter.Id getId() {
          return counter.getId();
        }
      };
    }
  }

  @Test
  void aRecordThatMakesAProcessorThrowIsRejectedAndTheRecordsAfterItAreStillProcessed() {
    ScorerConfig config = ScorerConfig.defaults().withStateDir(stateDir);
    ScorerMetrics metrics = new ScorerMetrics(new BreaksOnFirstLabel());
    Properties props = new Properties();
    props.put("bootstrap.servers", "unused:9092");
    try (TopologyTestDriver driver = new TopologyTestDriver(
        ScorerTopology.build(() -> TestModels.sentimentModel(7), config, metrics),
        ScorerTopology.streamsProperties(props, config))) {
      TestInputTopic<String, byte[]> features = driver.createInputTopic(Topic.FEATURES.topicName(),
          new StringSerializer(), new ByteArraySerializer());
      TestInputTopic<String, byte[]> labels = driver.createInputTopic(Topic.LABELS.topicName(),
          new StringSerializer(), new ByteArraySerializer());
      TestOutputTopic<String, SentimentScore> scores = driver.createOutputTopic(Topic.SCORES.topicName(),
          new StringDeserializer(), ScorerTopology.SCORE_SERDE);
      TestOutputTopic<String, Rejected> rejected = driver.createOutputTopic(Topic.REJECTED.topicName(),
          new StringDeserializer(), ScorerTopology.REJECTED_SERDE);

      send(features, TestModels.positive("c1", "delta", 1_000));
      byte[] firstLabel = label("c1", 2_000);
      labels.pipeInput("c1", firstLabel, 2_000);
      send(features, TestModels.negative("c2", "delta", 3_000));
      labels.pipeInput("c2", label("c2", 4_000), 4_000);

      KeyValue<String, Rejected> dead = rejected.readKeyValue();
      assertThat(dead.key).isEqualTo("labels");
      assertThat(dead.value.getSource()).isEqualTo("labels");
      assertThat(dead.value.getStage()).isEqualTo("scorer");
      assertThat(dead.value.getReason()).contains("meet-label").contains("meter broke");
      assertThat(dead.value.getOriginal().array()).isEqualTo(firstLabel);
      assertThat(rejected.isEmpty()).isTrue();
      assertThat(scores.readValuesToList()).extracting(SentimentScore::getCommentId).containsExactly("c1", "c2");
      assertThat(metrics.registry().get("sentiflow.scorer.labels.joined").counter().count())
          .as("the label after the failing one was joined").isEqualTo(1);
    }
  }

  private static void send(TestInputTopic<String, byte[]> features, Features f) {
    features.pipeInput(f.getCommentId(), Codecs.FEATURES.encode(f), f.getEventTime());
  }

  private static byte[] label(String commentId, long time) {
    return Codecs.LABEL.encode(Label.newBuilder().setCommentId(commentId).setSentiment(Sentiment.NEGATIVE)
        .setSource("test").setLabelTime(time).build());
  }
}
