package io.sentiflow.schemas.kafka;

import io.sentiflow.schemas.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates Sentiflow's topics with the AdminClient; topics that already exist are left as they are. */
public final class TopicProvisioner {

  private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

  private TopicProvisioner() {}

  /** Creates every missing topic of the catalogue, with the catalogue's retention. */
  public static List<String> createMissing(Properties clientProperties, short replicationFactor) {
    return createMissing(clientProperties, replicationFactor, false);
  }

  /**
   * Creates every missing topic of the catalogue.
   *
   * @param replicationFactor 1 on a single broker, 3 in production
   * @param unlimitedRetention keep records of any age (see {@link Topic#configs(boolean)}): for
   *     topics that receive replays of history
   * @return the names that were created now
   */
  public static List<String> createMissing(Properties clientProperties, short replicationFactor,
      boolean unlimitedRetention) {
    Properties props = new Properties();
    props.putAll(clientProperties);
    try (Admin admin = Admin.create(props)) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = new ArrayList<>();
      for (Topic topic : Topic.values()) {
        if (!existing.contains(topic.topicName())) {
          missing.add(new NewTopic(topic.topicName(), topic.partitions(), replicationFactor)
              .configs(topic.configs(unlimitedRetention)));
        }
      }
      List<String> created = new ArrayList<>();
      for (Map.Entry<String, KafkaFuture<Void>> creation : admin.createTopics(missing).values().entrySet()) {
        try {
          creation.getValue().get();
          created.add(creation.getKey());
        } catch (ExecutionException e) {
          // Another client (a second service starting beside this one) created it in the meantime.
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
      if (!created.isEmpty()) {
        // A producer that writes the moment a topic exists can meet NOT_LEADER and stall its first batch.
        if (!TopicReadiness.await(props, created, Duration.ofSeconds(30))) {
          throw new IllegalStateException("topics " + created + " have partitions without a serving leader after 30 s");
        }
        LOG.info("created topics {}", created);
      }
      return created;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create topics: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /**
   * Creates every missing topic on a single throwaway broker (the embedded runtime, benchmarks,
   * tests): retention is unlimited, since what they replay is history and the log dies with them.
   */
  public static List<String> createMissing(String bootstrapServers) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return createMissing(props, (short) 1, true);
  }

  /** Describes the catalogue's topics as they are on the cluster. */
  public static Map<String, TopicDescription> describe(Properties clientProperties) {
    try (Admin admin = Admin.create(clientProperties)) {
      List<String> names = java.util.Arrays.stream(Topic.values()).map(Topic::topicName).toList();
      return admin.describeTopics(names).allTopicNames().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while describing topics", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot describe topics: " + e.getCause().getMessage(), e.getCause());
    }
  }
}
