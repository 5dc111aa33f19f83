package io.sentiflow.scorer.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sentiflow.avro.Features;
import io.sentiflow.avro.SentimentScore;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.kafka.TopicReadiness;
import io.sentiflow.schemas.model.ModelWeights;
import io.sentiflow.scorer.DeliveryMode;
import io.sentiflow.scorer.ScorerConfig;
import io.sentiflow.scorer.ScorerMetrics;
import io.sentiflow.scorer.ScorerTopics;
import io.sentiflow.scorer.ScorerTopology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Measures the scorer on a real cluster, on topics of its own ({@code bench-<run>-features}, ...)
 * so a live system beside it is untouched:
 * <ul>
 *   <li>{@link #throughput}: scores per second against a pass-through Streams app (bytes in, bytes
 *       out) over the same pre-loaded input and the same output topic, in the same run;
 *   <li>{@link #latency}: features-to-score latency seen by a consumer of the output (read
 *       committed), at a fixed produce rate.
 * </ul>
 */
public final class ScorerThroughput {

  /** Records per second of both apps over the same input, and their ratio (scorer / pass-through). */
  public record Throughput(int records, double passThroughPerSecond, double scorerPerSecond, double ratio) {}

  /** Latency from producing a comment's features to its score being readable, at a fixed rate. */
  public record Latency(DeliveryMode mode, int records, double ratePerSecond, double p50Ms, double p99Ms,
      double maxMs) {}

  private static final int PARTITIONS = 4;

  private ScorerThroughput() {}

  public static Throughput throughput(Properties kafka, ScorerConfig config, ModelWeights model,
      List<Features> features, Duration timeout) {
    ScorerTopics topics = createTopics(kafka);
    produce(kafka, topics.features(), features, 0);
    AtomicLong passed = new AtomicLong();
    double passThrough = runUntil(passThroughTopology(topics, passed),
        streamsProperties(kafka, config, topics, "bench-pass"), passed::get, features.size(), timeout);
    ScorerMetrics metrics = new ScorerMetrics(new SimpleMeterRegistry());
    double scorer = runUntil(ScorerTopology.build(() -> model, config, metrics, topics),
        streamsProperties(kafka, config, topics, "bench-scorer"), metrics::scoredCount, features.size(), timeout);
    return new Throughput(features.size(), passThrough, scorer, scorer / passThrough);
  }

  public static Latency latency(Properties kafka, ScorerConfig config, ModelWeights model, List<Features> features,
      double ratePerSecond, Duration timeout) {
    ScorerTopics topics = createTopics(kafka);
    Properties props = streamsProperties(kafka, config, topics, "bench-latency");
    try (KafkaStreams streams = new KafkaStreams(ScorerTopology.build(() -> model, config,
        new ScorerMetrics(new SimpleMeterRegistry()), topics), props);
        KafkaConsumer<byte[], byte[]> consumer = committedReader(kafka)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (int p = 0; p < PARTITIONS; p++) {
        partitions.add(new TopicPartition(topics.scores(), p));
      }
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      startAndAwaitRunning(streams, timeout);
      Thread producer = new Thread(() -> produce(kafka, topics.features(), features, ratePerSecond),
          "bench-producer");
      producer.start();
      long[] latencies = new long[features.size()];
      int received = 0;
      long deadline = System.nanoTime() + timeout.toNanos();
      while (received < latencies.length && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
          SentimentScore score = Codecs.SENTIMENT_SCORE.decode(record.value());
          if (received < latencies.length) {
            latencies[received++] = System.currentTimeMillis() - score.getIngestTime();
          }
        }
      }
      join(producer);
      long[] seen = Arrays.copyOf(latencies, received);
      Arrays.sort(seen);
      return new Latency(config.deliveryMode(), received, ratePerSecond, percentile(seen, 0.50),
          percentile(seen, 0.99), seen.length == 0 ? Double.NaN : seen[seen.length - 1]);
    }
  }

  private static Topology passThroughTopology(ScorerTopics topics, AtomicLong passed) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(topics.features(), Consumed.with(Serdes.String(), Serdes.ByteArray()))
        .peek((k, v) -> passed.incrementAndGet())
        .to(topics.scores(), Produced.with(Serdes.String(), Serdes.ByteArray()));
    return builder.build();
  }

  /**
   * Runs the app until {@code progress} reaches {@code target}; returns records per second from its
   * first record on, so start-up and rebalancing before it are not counted.
   */
  private static double runUntil(Topology topology, Properties props, LongSupplier progress, int target,
      Duration timeout) {
    try (KafkaStreams streams = new KafkaStreams(topology, props)) {
      streams.start();
      long deadline = System.nanoTime() + timeout.toNanos();
      long startedAt = 0;
      long atStart = 0;
      while (progress.getAsLong() < target) {
        if (System.nanoTime() > deadline || streams.state() == KafkaStreams.State.ERROR) {
          throw new IllegalStateException("only " + progress.getAsLong() + " of " + target + " records in "
              + timeout + "; Streams app " + streams.state());
        }
        long done = progress.getAsLong();
        if (startedAt == 0 && done > 0) {
          startedAt = System.nanoTime();
          atStart = done;
        }
        sleep(2);
      }
      if (startedAt == 0) {
        throw new IllegalStateException("all " + target + " records were processed before the first poll");
      }
      return (target - atStart) / ((System.nanoTime() - startedAt) / 1e9);
    }
  }

  private static void startAndAwaitRunning(KafkaStreams streams, Duration timeout) {
    streams.start();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (System.nanoTime() > deadline || streams.state() == KafkaStreams.State.ERROR) {
        throw new IllegalStateException("Streams app did not start: " + streams.state());
      }
      sleep(10);
    }
  }

  private static Properties streamsProperties(Properties kafka, ScorerConfig config, ScorerTopics topics,
      String role) {
    try {
      ScorerConfig own = config.withApplicationId(role + "-" + UUID.randomUUID().toString().substring(0, 8))
          .withStateDir(Files.createTempDirectory("sentiflow-" + role));
      return ScorerTopology.streamsProperties(kafka, own, topics);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ScorerTopics createTopics(Properties kafka) {
    ScorerTopics topics = ScorerTopics.prefixed("bench-" + UUID.randomUUID().toString().substring(0, 8) + "-");
    try (Admin admin = Admin.create(kafka)) {
      admin.createTopics(List.of(
          new NewTopic(topics.features(), PARTITIONS, (short) 1),
          new NewTopic(topics.labels(), PARTITIONS, (short) 1),
          new NewTopic(topics.scores(), PARTITIONS, (short) 1),
          new NewTopic(topics.sentimentByThread(), PARTITIONS, (short) 1),
          new NewTopic(topics.driftAlerts(), 1, (short) 1),
          new NewTopic(topics.rejected(), 1, (short) 1))).all().get();
      if (!TopicReadiness.await(kafka, List.of(topics.features(), topics.labels(), topics.scores(),
          topics.sentimentByThread()), Duration.ofSeconds(30))) {
        throw new IllegalStateException("benchmark topics have no serving leaders after 30 s");
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot create benchmark topics", e);
    }
    return topics;
  }

  /** Writes the features, each stamped as ingested when sent, at {@code ratePerSecond} (0: as fast as possible). */
  private static void produce(Properties kafka, String topic, List<Features> features, double ratePerSecond) {
    Properties props = new Properties();
    props.putAll(kafka);
    props.put(ProducerConfig.LINGER_MS_CONFIG, ratePerSecond > 0 ? "0" : "10");
    // A fresh topic can refuse the first batch (not leader yet); with one request in flight its retry
    // cannot fall behind later batches and be rejected as out of sequence.
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
    long start = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < features.size(); i++) {
        if (ratePerSecond > 0) {
          LockSupport.parkNanos(start + (long) (i * 1e9 / ratePerSecond) - System.nanoTime());
        }
        Features f = Features.newBuilder(features.get(i)).setIngestTime(System.currentTimeMillis()).build();
        producer.send(new ProducerRecord<>(topic, f.getCommentId().getBytes(StandardCharsets.UTF_8),
            Codecs.FEATURES.encode(f)));
      }
      producer.flush();
    }
  }

  private static KafkaConsumer<byte[], byte[]> committedReader(Properties kafka) {
    Properties props = new Properties();
    props.putAll(kafka);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static double percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
