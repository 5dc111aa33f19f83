package io.sentiflow.features.bench;

import io.sentiflow.features.FeatureJobConfig;
import io.sentiflow.features.FeatureTopics;
import io.sentiflow.features.KafkaBytes;
import io.sentiflow.features.KafkaWiring;
import io.sentiflow.schemas.kafka.GrouplessReader;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Comments per second through the feature job as deployed, with its Kafka sources and sinks
 * ({@link KafkaWiring}), against a job with the same Kafka source whose Kafka sink forwards the
 * bytes, both on an in-process MiniCluster reading the same pre-loaded comments topic.
 *
 * <p>A reader of each job's output rates it from the first output to the last, so deploying the job
 * and finding the partitions, which the in-memory comparison ({@link FeatureThroughput}) counts,
 * are left out for both jobs alike.
 */
public final class KafkaFeatureThroughput {

  private KafkaFeatureThroughput() {}

  /** Comments per second of both jobs at one parallelism. */
  public record Figures(int parallelism, int comments, double featureJobPerSecond, double forwardJobPerSecond) {

    /** Feature job throughput as a share of the forwarding job's. */
    public double ratio() {
      return featureJobPerSecond / forwardJobPerSecond;
    }
  }

  /** Writes the encoded comments to {@code topic}, keyless, and waits until all are acknowledged. */
  public static void preload(Properties kafka, String topic, List<byte[]> encodedComments) {
    Properties props = new Properties();
    props.putAll(kafka);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (byte[] comment : encodedComments) {
        producer.send(new ProducerRecord<>(topic, comment));
      }
      producer.flush();
    }
  }

  /**
   * Runs each job once to warm up, then once measured, over the {@code comments} records pre-loaded
   * in {@code topics.comments()}. The feature job writes to {@code topics.features()} and the
   * forwarding job to {@code forwarded}.
   */
  public static Figures measure(Properties kafka, FeatureTopics topics, String forwarded, int comments,
      int parallelism, Duration timeout) throws Exception {
    FeatureJobConfig config = FeatureJobConfig.defaults().withTopics(topics).withParallelism(parallelism);
    runFeatureJob(kafka, config, comments, timeout);
    runForwardJob(kafka, config, forwarded, comments, timeout);
    return new Figures(parallelism, comments, runFeatureJob(kafka, config, comments, timeout),
        runForwardJob(kafka, config, forwarded, comments, timeout));
  }

  private static double runFeatureJob(Properties kafka, FeatureJobConfig config, int comments, Duration timeout)
      throws Exception {
    FeatureJobConfig run = config.withJobId("bench-features-" + UUID.randomUUID());
    StreamExecutionEnvironment env = FeatureThroughput.environment(config.parallelism());
    KafkaWiring.featureJob(kafka, run).build(env);
    return ratePerSecond(kafka, env, config.topics().features(), comments, timeout);
  }

  private static double runForwardJob(Properties kafka, FeatureJobConfig config, String forwarded, int comments,
      Duration timeout) throws Exception {
    FeatureJobConfig run = config.withJobId("bench-forward-" + UUID.randomUUID());
    StreamExecutionEnvironment env = FeatureThroughput.environment(config.parallelism());
    env.fromSource(KafkaWiring.source(kafka, run, config.topics().comments()), WatermarkStrategy.noWatermarks(),
            "comments")
        .sinkTo(KafkaSink.<KafkaBytes>builder()
            .setKafkaProducerConfig(kafka)
            .setRecordSerializer(KafkaRecordSerializationSchema.<KafkaBytes>builder()
                .setTopic(forwarded)
                .setKeySerializationSchema(record -> record.key)
                .setValueSerializationSchema(new ValueBytes())
                .build())
            .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
            .build());
    return ratePerSecond(kafka, env, forwarded, comments, timeout);
  }

  /**
   * Starts the job, waits until {@code records} new records arrived in {@code output}, cancels the
   * job, and returns the records that arrived after the first poll that found any, per second of
   * the time from that poll to the last.
   */
  private static double ratePerSecond(Properties kafka, StreamExecutionEnvironment env, String output, int records,
      Duration timeout) throws Exception {
    Properties props = new Properties();
    props.putAll(kafka);
    // Many records per poll, so the reader keeps up with the faster job.
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
    try (KafkaConsumer<byte[], byte[]> consumer = GrouplessReader.consumer(props, "bench-features")) {
      List<TopicPartition> partitions = consumer.partitionsFor(output).stream()
          .map(p -> new TopicPartition(output, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      JobClient job = env.executeAsync("bench-" + output);
      try {
        long deadline = System.nanoTime() + timeout.toNanos();
        int arrived = 0;
        int inFirstPoll = 0;
        long firstPoll = 0;
        long lastPoll = 0;
        while (arrived < records) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("only " + arrived + " of " + records + " records in " + output
                + " after " + timeout);
          }
          int count = consumer.poll(Duration.ofMillis(100)).count();
          lastPoll = System.nanoTime();
          if (arrived == 0) {
            inFirstPoll = count;
            firstPoll = lastPoll;
          }
          arrived += count;
        }
        return (arrived - inFirstPoll) * 1e9 / Math.max(1, lastPoll - firstPoll);
      } finally {
        job.cancel().get();
      }
    }
  }

  /** The value as read; a class, not a lambda, so that Flink can tell the sink's record type. */
  private static final class ValueBytes implements SerializationSchema<KafkaBytes> {

    private static final long serialVersionUID = 1L;

    @Override
    public byte[] serialize(KafkaBytes record) {
      return record.value;
    }
  }
}
