package io.sentiflow.ops.dashboard;

import io.sentiflow.ops.dashboard.DashboardConfig.LagTarget;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads how far the pipeline's consumer groups are behind: for each group, the sum over the
 * topic's partitions of (last committed offset, read committed) minus the group's committed offset.
 * The pipeline's consumers read committed, so the end they can reach is the last stable offset.
 */
final class LagProbe implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LagProbe.class);

  private final Admin admin;
  private final Iterable<LagTarget> targets;
  private final int timeoutMs;

  LagProbe(Properties kafka, Iterable<LagTarget> targets, Duration timeout) {
    Properties props = new Properties();
    props.putAll(kafka);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "sentiflow-dashboard-lag");
    this.admin = Admin.create(props);
    this.targets = targets;
    this.timeoutMs = (int) timeout.toMillis();
  }

  /** Lag per target; {@code null} where the group has committed nothing on the topic or the read failed. */
  Map<LagTarget, Long> read() {
    Map<LagTarget, Long> lag = new HashMap<>();
    for (LagTarget target : targets) {
      try {
        lag.put(target, lagOf(target));
      } catch (ExecutionException | TimeoutException | KafkaException e) {
        LOG.debug("cannot read lag of {} on {}: {}", target.group(), target.topic(), e.toString());
        lag.put(target, null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return lag;
      }
    }
    return lag;
  }

  private Long lagOf(LagTarget target) throws ExecutionException, InterruptedException, TimeoutException {
    Map<TopicPartition, OffsetAndMetadata> committed = admin
        .listConsumerGroupOffsets(target.group(), new ListConsumerGroupOffsetsOptions().timeoutMs(timeoutMs))
        .partitionsToOffsetAndMetadata()
        .get(timeoutMs, TimeUnit.MILLISECONDS);
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    committed.forEach((partition, offset) -> {
      if (offset != null && partition.topic().equals(target.topic())) {
        request.put(partition, OffsetSpec.latest());
      }
    });
    if (request.isEmpty()) {
      return null;
    }
    var ends = admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED).timeoutMs(timeoutMs))
        .all()
        .get(timeoutMs, TimeUnit.MILLISECONDS);
    long total = 0;
    for (TopicPartition partition : request.keySet()) {
      total += Math.max(0, ends.get(partition).offset() - committed.get(partition).offset());
    }
    return total;
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }
}
