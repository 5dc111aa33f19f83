package io.sentiflow.schemas.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until the broker leading each partition of some topics answers for it. A topic that was
 * just created is in the metadata before its leader has taken over; an idempotent producer that
 * writes in that gap is told NOT_LEADER, and its retried first batch can land behind later ones and
 * be refused as out of sequence until it times out. Listing offsets succeeds only on a ready leader.
 */
public final class TopicReadiness {

  private TopicReadiness() {}

  /** True once every partition of {@code topics} has a leader that answers, false if that took longer than {@code timeout}. */
  public static boolean await(Properties kafka, Collection<String> topics, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Admin admin = Admin.create(kafka);
    try {
      while (true) {
        int left = (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        if (left <= 0) {
          return false;
        }
        try {
          Map<String, TopicDescription> described = admin.describeTopics(topics,
              new DescribeTopicsOptions().timeoutMs(left)).allTopicNames().get(left, TimeUnit.MILLISECONDS);
          Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
          described.values().forEach(d -> d.partitions().forEach(p ->
              partitions.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
          admin.listOffsets(partitions, new ListOffsetsOptions().timeoutMs(left)).all()
              .get(left, TimeUnit.MILLISECONDS);
          return true;
        } catch (ExecutionException | TimeoutException e) {
          Thread.sleep(100);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      // Calls still pending against an unreachable broker must not hold the caller past its timeout.
      admin.close(Duration.ZERO);
    }
  }
}
