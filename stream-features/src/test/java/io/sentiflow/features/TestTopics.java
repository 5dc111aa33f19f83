package io.sentiflow.features;

import io.sentiflow.schemas.testing.KafkaCluster;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;

/** A private set of the feature job's topics, so tests sharing one broker do not see each other. */
final class TestTopics {

  private TestTopics() {}

  static FeatureTopics create(KafkaCluster cluster) {
    FeatureTopics topics = FeatureTopics.defaults().withSuffix("-" + UUID.randomUUID().toString().substring(0, 8));
    List<String> names = List.of(topics.comments(), topics.labels(), topics.features(), topics.trainingExamples(),
        topics.rejected());
    try (Admin admin = Admin.create(cluster.clientProperties())) {
      admin.createTopics(names.stream()
          .map(name -> new NewTopic(name, name.equals(topics.rejected()) ? 1 : 4, (short) 1)).toList()).all().get();
      awaitLeaders(admin, names);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create test topics", e.getCause());
    }
    return topics;
  }

  /**
   * Waits until the leader of every partition serves requests: a producer that writes while the
   * leader is still being set up can have its first batch appended, retried and then refused as out
   * of order. Listing offsets is answered by the serving leader only, and writes nothing; until the
   * new topics' metadata reaches the broker it answers that it does not know them, so ask again.
   */
  private static void awaitLeaders(Admin admin, List<String> names) throws InterruptedException, ExecutionException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      try {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        admin.describeTopics(names).allTopicNames().get().forEach((name, topic) -> topic.partitions()
            .forEach(p -> partitions.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        admin.listOffsets(partitions).all().get();
        return;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(50);
      }
    }
  }
}
