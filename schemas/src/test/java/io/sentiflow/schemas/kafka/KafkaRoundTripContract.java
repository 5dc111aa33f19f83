package io.sentiflow.schemas.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentiflow.avro.Comment;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.Topic;
import io.sentiflow.schemas.testing.KafkaCluster;
import io.sentiflow.schemas.testing.KafkaTestUtils;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** What every Kafka cluster Sentiflow runs on must do; run against the embedded broker and a container. */
abstract class KafkaRoundTripContract {

  abstract KafkaCluster cluster();

  @Test
  void provisionsEveryTopicWithItsSettings() {
    TopicProvisioner.createMissing(cluster().clientProperties(), (short) 1, true);
    assertThat(TopicProvisioner.createMissing(cluster().clientProperties(), (short) 1, true)).isEmpty();
    var topics = TopicProvisioner.describe(cluster().clientProperties());
    for (Topic topic : Topic.values()) {
      TopicDescription description = topics.get(topic.topicName());
      assertThat(description.partitions()).hasSize(topic.partitions());
    }
  }

  @Test
  void commentsRoundTripThroughTheBrokerAndGarbageIsRefusedWithAReason() {
    TopicProvisioner.createMissing(cluster().clientProperties(), (short) 1, true);
    String id = UUID.randomUUID().toString();
    Comment comment = Comment.newBuilder().setId(id).setPlatform("twitter").setThread("delta")
        .setText("on time for once ✈️").setEventTime(1).setIngestTime(2).build();
    AvroSerde<Comment> serde = new AvroSerde<>(Codecs.COMMENT);
    byte[] garbage = "\u0000garbage".getBytes(StandardCharsets.UTF_8);
    KafkaTestUtils.produce(cluster(), Topic.COMMENTS.topicName(), List.of(
        new byte[][] {id.getBytes(StandardCharsets.UTF_8), garbage},
        new byte[][] {id.getBytes(StandardCharsets.UTF_8), serde.serialize("comments", comment)}));

    List<ConsumerRecord<byte[], byte[]>> records =
        KafkaTestUtils.consumeAtLeast(cluster(), Topic.COMMENTS.topicName(), Integer.MAX_VALUE, Duration.ofSeconds(5));
    List<ConsumerRecord<byte[], byte[]>> mine = records.stream()
        .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals(id)).toList();

    assertThat(mine).hasSize(2);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> serde.deserialize("comments", mine.get(0).value()))
        .isInstanceOf(SerializationException.class).hasMessageContaining("comments");
    assertThat(serde.deserialize("comments", mine.get(1).value())).isEqualTo(comment);
  }

  @Test
  void topicsCreatedWithoutSettingsKeepRecordsOfAnyAge() throws Exception {
    String topic = "retention-" + UUID.randomUUID();
    try (Admin admin = Admin.create(cluster().clientProperties())) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
      assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
    }
  }
}
