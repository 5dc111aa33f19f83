package io.sentiflow.schemas.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentiflow.schemas.Topic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Services that start together each provision the catalogue; none fails because another won the race. */
class ConcurrentProvisioningTest {

  private static final int SERVICES = 4;

  @Test
  void servicesProvisioningAtOnceAllSucceedAndCreateEachTopicOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(SERVICES);
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
      Callable<List<String>> provision = () -> TopicProvisioner.createMissing(broker.clientProperties(), (short) 1, true);
      List<String> created = new ArrayList<>();
      for (Future<List<String>> service : pool.invokeAll(Collections.nCopies(SERVICES, provision))) {
        created.addAll(service.get());
      }
      assertThat(created).containsExactlyInAnyOrderElementsOf(
          Arrays.stream(Topic.values()).map(Topic::topicName).toList());
    } finally {
      pool.shutdownNow();
    }
  }
}
