package io.sentiflow.features;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.flink.api.common.TaskInfo;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Makes an at-least-once Kafka sink write each key exactly once across restarts, for streams with
 * one record per key (one training example, one features record per comment id). Sits right before
 * the sink, in its operator chain.
 *
 * <p>At every checkpoint it records the topic's end offsets; the sink has flushed by then, so
 * everything at or after those offsets was written after the checkpoint. When the job restarts from
 * that checkpoint it reads those records' keys back and drops the replayed records that carry them.
 * Used where Kafka transactions are not available to the sink (see {@link ConnectorTransactions});
 * records stay visible at once, with no checkpoint delay.
 */
public class ReplayDeduplicator<T> extends ProcessFunction<T, T> implements CheckpointedFunction {

  private static final long serialVersionUID = 1L;
  private static final Duration POLL = Duration.ofMillis(200);

  private final Properties kafka;
  private final String topic;
  private final SerializableFunction<T, String> keyOf;

  private transient KafkaConsumer<byte[], byte[]> consumer;
  private transient ListState<Tuple2<Integer, Long>> endOffsets;
  private transient ListState<String> pendingKeys;
  private transient ReplayWindow replay;
  private transient Counter dropped;

  public ReplayDeduplicator(Properties kafka, String topic, SerializableFunction<T, String> keyOf) {
    this.kafka = kafka;
    this.topic = topic;
    this.keyOf = keyOf;
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    consumer = newConsumer();
    endOffsets = context.getOperatorStateStore().getUnionListState(
        new ListStateDescriptor<>("end-offsets", Types.TUPLE(Types.INT, Types.LONG)));
    pendingKeys = context.getOperatorStateStore().getUnionListState(
        new ListStateDescriptor<>("pending-keys", Types.STRING));
    replay = ReplayWindow.empty();
    if (context.isRestored()) {
      Predicate<String> owned = ownedBy(getRuntimeContext().getTaskInfo());
      Set<String> written = readKeysSince(ReplayWindow.earliest(toEntries(endOffsets.get())), owned);
      for (String key : pendingKeys.get()) {
        if (owned.test(key)) {
          written.add(key);
        }
      }
      replay = new ReplayWindow(written);
    }
  }

  @Override
  public void open(OpenContext openContext) {
    dropped = getRuntimeContext().getMetricGroup().counter("replayedRecordsDropped");
  }

  @Override
  public void processElement(T value, Context ctx, Collector<T> out) {
    if (replay.alreadyWritten(keyOf.apply(value))) {
      dropped.inc();
      return;
    }
    out.collect(value);
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) {
    List<Tuple2<Integer, Long>> offsets = new ArrayList<>();
    consumer.endOffsets(partitions())
        .forEach((partition, offset) -> offsets.add(Tuple2.of(partition.partition(), offset)));
    try {
      endOffsets.update(offsets);
      pendingKeys.update(new ArrayList<>(replay.pending()));
    } catch (Exception e) {
      throw new IllegalStateException("cannot snapshot the replay window of " + topic, e);
    }
  }

  @Override
  public void close() {
    if (consumer != null) {
      consumer.close(Duration.ZERO);
    }
  }

  /** Keys of the records written at or after {@code from}, up to the end of the topic now. */
  private Set<String> readKeysSince(Map<Integer, Long> from, Predicate<String> owned) {
    List<TopicPartition> partitions = partitions();
    consumer.assign(partitions);
    for (TopicPartition partition : partitions) {
      Long offset = from.get(partition.partition());
      if (offset == null) {
        consumer.seekToBeginning(List.of(partition));
      } else {
        consumer.seek(partition, offset);
      }
    }
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    Set<String> keys = new HashSet<>();
    while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
        if (record.key() != null) {
          String key = new String(record.key(), StandardCharsets.UTF_8);
          if (owned.test(key)) {
            keys.add(key);
          }
        }
      }
    }
    consumer.unsubscribe();
    return keys;
  }

  /** A replayed key reaches the subtask that owns its key group, as in the keyed join upstream. */
  private static Predicate<String> ownedBy(TaskInfo task) {
    return key -> KeyGroupRangeAssignment.assignKeyToParallelOperator(key, task.getMaxNumberOfParallelSubtasks(),
        task.getNumberOfParallelSubtasks()) == task.getIndexOfThisSubtask();
  }

  private List<TopicPartition> partitions() {
    return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
  }

  private KafkaConsumer<byte[], byte[]> newConsumer() {
    Properties props = new Properties();
    props.putAll(kafka);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static List<Map.Entry<Integer, Long>> toEntries(Iterable<Tuple2<Integer, Long>> tuples) {
    List<Map.Entry<Integer, Long>> entries = new ArrayList<>();
    tuples.forEach(t -> entries.add(Map.entry(t.f0, t.f1)));
    return entries;
  }
}
