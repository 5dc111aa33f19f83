package io.sentiflow.scorer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sentiflow.avro.DriftAlert;
import io.sentiflow.avro.DriftKind;
import io.sentiflow.avro.Features;
import io.sentiflow.avro.Label;
import io.sentiflow.avro.Sentiment;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.Topic;
import io.sentiflow.scorer.drift.DriftConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drift monitors wired into the topology: alerts reach {@code drift-alerts} with detector, statistic and window. */
class DriftTopologyTest {

  @TempDir
  Path stateDir;

  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> features;
  private TestInputTopic<String, byte[]> labels;
  private TestOutputTopic<String, DriftAlert> alerts;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeEach
  void startDriver() {
    DriftConfig small = new DriftConfig(100, 100, 0.25, 0.10, 0.002, 30, 0.005, 50.0, 1 - 0.0001);
    ScorerConfig config = ScorerConfig.defaults().withStateDir(stateDir).withDrift(small);
    Properties props = new Properties();
    props.put("bootstrap.servers", "unused:9092");
    driver = new TopologyTestDriver(ScorerTopology.build(() -> TestModels.sentimentModel(7), config,
        new ScorerMetrics(registry)), ScorerTopology.streamsProperties(props, config));
    features = driver.createInputTopic(Topic.FEATURES.topicName(), new StringSerializer(), new ByteArraySerializer());
    labels = driver.createInputTopic(Topic.LABELS.topicName(), new StringSerializer(), new ByteArraySerializer());
    alerts = driver.createOutputTopic(Topic.DRIFT_ALERTS.topicName(), new StringDeserializer(),
        ScorerTopology.ALERT_SERDE);
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  private void send(Features f) {
    features.pipeInput(f.getCommentId(), Codecs.FEATURES.encode(f), f.getEventTime());
  }

  private void label(String commentId, Sentiment sentiment, long time) {
    Label label = Label.newBuilder().setCommentId(commentId).setSentiment(sentiment).setSource("test")
        .setLabelTime(time).build();
    labels.pipeInput(commentId, Codecs.LABEL.encode(label), time);
  }

  @Test
  void aShiftInThePredictedClassMixRaisesAPredictionDriftAlert() {
    for (int i = 0; i < 400; i++) {
      long t = i * 1_000L;
      send(i < 200 ? TestModels.positive("c" + i, "delta", t) : TestModels.negative("c" + i, "delta", t));
    }

    List<DriftAlert> raised = alerts.readValuesToList();
    assertThat(raised).filteredOn(a -> a.getDetector().equals("psi-class-mix")).singleElement().satisfies(a -> {
      assertThat(a.getKind()).isEqualTo(DriftKind.PREDICTION);
      assertThat(a.getStatistic()).isEqualTo("psi");
      assertThat(a.getValue()).isGreaterThan(a.getThreshold());
      assertThat(a.getWindowStart()).isEqualTo(200_000L);
      assertThat(a.getWindowEnd()).isEqualTo(299_000L);
      assertThat(a.getModelVersion()).isEqualTo(7L);
    });
    assertThat(raised).extracting(DriftAlert::getDetector).doesNotContain("adwin-error", "page-hinkley-error");
    DriftAlert psi = raised.stream().filter(a -> a.getDetector().equals("psi-class-mix")).findFirst().orElseThrow();
    assertThat(registry.get("sentiflow.scorer.drift.statistic").tag("detector", "psi-class-mix").gauge().value())
        .isEqualTo(psi.getValue());
    assertThat(registry.get("sentiflow.scorer.drift.alerts").tag("detector", "psi-class-mix").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void labelsThatStartDisagreeingWithServedClassesRaiseConceptDriftAlerts() {
    for (int i = 0; i < 1_000; i++) {
      send(TestModels.positive("c" + i, "delta", i * 1_000L));
    }
    // the first 600 labels agree with the POSITIVE served, then the concept flips
    for (int i = 0; i < 1_000; i++) {
      label("c" + i, i < 600 ? Sentiment.POSITIVE : Sentiment.NEGATIVE, 2_000_000L + i);
    }
    labels.pipeInput("c1", "garbage".getBytes(StandardCharsets.UTF_8));
    label("never-scored", Sentiment.NEGATIVE, 3_000_000L);

    List<DriftAlert> concept = alerts.readValuesToList().stream()
        .filter(a -> a.getKind() == DriftKind.CONCEPT).toList();
    assertThat(concept).extracting(DriftAlert::getDetector).contains("adwin-error", "page-hinkley-error");
    DriftAlert adwin = concept.stream().filter(a -> a.getDetector().equals("adwin-error")).findFirst().orElseThrow();
    assertThat(adwin.getStatistic()).isEqualTo("mean-error");
    assertThat(adwin.getValue()).isGreaterThan(adwin.getThreshold());
    assertThat(adwin.getWindowEnd()).isBetween(2_000_600L, 2_000_800L);
    assertThat(adwin.getModelVersion()).isEqualTo(7L);
    DriftAlert ph = concept.stream().filter(a -> a.getDetector().equals("page-hinkley-error")).findFirst()
        .orElseThrow();
    assertThat(ph.getValue()).isGreaterThan(ph.getThreshold());
    assertThat(ph.getWindowEnd()).isBetween(2_000_600L, 2_000_900L);
  }
}
