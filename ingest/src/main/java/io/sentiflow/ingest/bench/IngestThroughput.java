package io.sentiflow.ingest.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sentiflow.avro.Comment;
import io.sentiflow.ingest.IngestProducers;
import io.sentiflow.ingest.IngestTopics;
import io.sentiflow.ingest.http.IngestConfig;
import io.sentiflow.ingest.http.IngestServer;
import io.sentiflow.ingest.privacy.PrivacyConfig;
import io.sentiflow.ingest.replay.DatasetReplay;
import io.sentiflow.ingest.replay.ReplayConfig;
import io.sentiflow.ingest.replay.ReplayResult;
import io.sentiflow.schemas.Codecs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Measures how fast ingest moves comments into Kafka against a bare producer writing the same
 * records in the same run: the dataset replay (sustained rate between its first and last progress
 * report, the last one after the final flush) and the HTTP service fed NDJSON batches. The bare
 * producer has the same settings as ingest's (idempotent, acks=all, same batching) and writes the
 * already-encoded comments, so each ratio is the cost of everything ingest does on top.
 */
public final class IngestThroughput {

  /**
   * @param comments comments each contender wrote
   * @param bareProducerPerSecond records per second of the bare producer (median over rounds)
   * @param replayPerSecond sustained comments per second of the replay (median over rounds)
   * @param httpPerSecond comments per second through the HTTP service (median over rounds)
   * @param replayRatio replay / bare producer, median over rounds (target at least 0.8)
   * @param httpRatio HTTP / bare producer, median over rounds (target at least 0.5)
   */
  public record Result(long comments, int httpBatchSize, int httpClients, double bareProducerPerSecond,
      double replayPerSecond, double httpPerSecond, double replayRatio, double httpRatio) {

    /** One JSON object with every figure, for the last line of {@code sentiflow bench ingest}. */
    public String toJson() {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("comments", comments);
      fields.put("http_batch_size", httpBatchSize);
      fields.put("http_clients", httpClients);
      fields.put("bare_producer_per_s", Math.round(bareProducerPerSecond));
      fields.put("replay_per_s", Math.round(replayPerSecond));
      fields.put("http_per_s", Math.round(httpPerSecond));
      fields.put("replay_ratio", Math.round(replayRatio * 1000) / 1000.0);
      fields.put("http_ratio", Math.round(httpRatio * 1000) / 1000.0);
      try {
        return new ObjectMapper().writeValueAsString(fields);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PROGRESS_EVERY = 1_000;

  private IngestThroughput() {}

  /**
   * Replays {@code replay}'s dataset (labels off, so only comments are written) into
   * {@code topics.comments()}, reads those comments back, and writes them to the same topic again
   * with a bare producer and through the HTTP service (in batches of {@code httpBatchSize} from
   * {@code httpClients} concurrent clients, with fresh ids so none is a duplicate). A warm-up round
   * comes first so no contender pays for the JVM warming up; then {@code rounds} measured rounds,
   * reported as medians (each ratio is the median of the per-round ratios, whose contenders ran
   * back to back). {@code progress} hears a line per phase.
   */
  public static Result run(Properties kafka, ReplayConfig replay, IngestTopics topics, int httpBatchSize,
      int httpClients, int rounds, Consumer<String> progress) throws Exception {
    if (rounds < 1) {
      throw new IllegalArgumentException("at least one measured round");
    }
    ReplayConfig commentsOnly = replay.withTopics(topics).withLabelledFraction(0).withProgressEvery(PROGRESS_EVERY);
    progress.accept("warm-up round");
    long replayed = (long) replay(kafka, commentsOnly)[0];
    // Read back while the topic holds only the replay's comments.
    List<Comment> comments = readBack(kafka, topics.comments(), replayed);
    bareProducer(kafka, topics.comments(), comments);
    http(kafka, topics, comments, httpBatchSize, httpClients);

    double[] replayRates = new double[rounds];
    double[] bareRates = new double[rounds];
    double[] httpRates = new double[rounds];
    double[] replayRatios = new double[rounds];
    double[] httpRatios = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      replayRates[round] = replay(kafka, commentsOnly)[1];
      bareRates[round] = bareProducer(kafka, topics.comments(), comments);
      httpRates[round] = http(kafka, topics, comments, httpBatchSize, httpClients);
      replayRatios[round] = replayRates[round] / bareRates[round];
      httpRatios[round] = httpRates[round] / bareRates[round];
      progress.accept(String.format("round %d of %d: replay %.0f/s, bare producer %.0f/s, http %.0f/s "
              + "(%d comments of %s, http batches of %d from %d clients)", round + 1, rounds, replayRates[round],
          bareRates[round], httpRates[round], replayed, commentsOnly.dataset().name(), httpBatchSize, httpClients));
    }
    return new Result(comments.size(), httpBatchSize, httpClients, median(bareRates), median(replayRates),
        median(httpRates), median(replayRatios), median(httpRatios));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /**
   * Comments sent, and the sustained rate between the first and the last progress report (the last
   * follows the final flush).
   */
  private static double[] replay(Properties kafka, ReplayConfig config) {
    long[] window = new long[4]; // first progress: nanos, comments; last progress: nanos, comments
    ReplayResult result = DatasetReplay.run(kafka, config, (comments, labels) -> {
      if (window[1] == 0) {
        window[0] = System.nanoTime();
        window[1] = comments;
      }
      window[2] = System.nanoTime();
      window[3] = comments;
    });
    return new double[] {result.commentsSent(), (window[3] - window[1]) / ((window[2] - window[0]) / 1e9)};
  }

  /**
   * A producer that only serialises and sends the comments, with the same window as the replay's:
   * from record {@value #PROGRESS_EVERY} to the end of the final flush.
   */
  private static double bareProducer(Properties kafka, String topic, List<Comment> comments) {
    AtomicLong failures = new AtomicLong();
    try (KafkaProducer<byte[], byte[]> producer = IngestProducers.create(kafka, "sentiflow-bench-bare")) {
      long start = 0;
      for (int i = 0; i < comments.size(); i++) {
        if (i == PROGRESS_EVERY) {
          start = System.nanoTime();
        }
        Comment comment = comments.get(i);
        producer.send(new ProducerRecord<>(topic, comment.getId().toString().getBytes(StandardCharsets.UTF_8),
            Codecs.COMMENT.encode(comment)), (m, e) -> {
          if (e != null) {
            failures.incrementAndGet();
          }
        });
      }
      producer.flush();
      double seconds = (System.nanoTime() - start) / 1e9;
      if (failures.get() > 0) {
        throw new IllegalStateException(failures.get() + " bare producer sends failed");
      }
      return (comments.size() - PROGRESS_EVERY) / seconds;
    }
  }

  private static double http(Properties kafka, IngestTopics topics, List<Comment> comments, int batchSize,
      int clients) throws Exception {
    String token = UUID.randomUUID().toString();
    IngestConfig config = IngestConfig.defaults().withHost("127.0.0.1").withPort(0).withBearerTokens(Set.of(token))
        .withTopics(topics).withPrivacy(PrivacyConfig.defaults());
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> bodies = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < comments.size(); i++) {
      Comment c = comments.get(i);
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("id", c.getId() + "-" + run);
      line.put("text", c.getText().toString());
      line.put("thread", c.getThread().toString());
      line.put("author", c.getAuthor().toString());
      line.put("eventTime", c.getEventTime());
      body.append(JSON.writeValueAsString(line)).append('\n');
      if ((i + 1) % batchSize == 0 || i == comments.size() - 1) {
        bodies.add(body.toString());
        body.setLength(0);
      }
    }
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try (IngestServer server = new IngestServer(kafka, config, new SimpleMeterRegistry())) {
      URI uri = URI.create("http://127.0.0.1:" + server.start() + "/v1/comments");
      long start = System.nanoTime();
      List<Future<Integer>> answers = new ArrayList<>();
      for (String b : bodies) {
        answers.add(pool.submit(() -> client.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(b)).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode()));
      }
      for (Future<Integer> answer : answers) {
        if (answer.get() != 200) {
          throw new IllegalStateException("HTTP ingest answered " + answer.get());
        }
      }
      return comments.size() / ((System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<Comment> readBack(Properties kafka, String topic, long count) {
    Properties props = new Properties();
    props.putAll(kafka);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<Comment> comments = new ArrayList<>();
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (comments.size() < count && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(java.time.Duration.ofMillis(200))) {
          comments.add(Codecs.COMMENT.decode(r.value()));
        }
      }
      return comments.size() > count ? comments.subList(0, (int) count) : comments;
    }
  }
}
