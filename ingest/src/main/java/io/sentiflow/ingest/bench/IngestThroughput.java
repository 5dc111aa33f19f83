package io.sentiflow.ingest.bench;

import com.fasterxml.jackson.core.JsonGenerator;
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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Measures how fast ingest moves comments into Kafka against a bare producer writing the same
 * records in the same run: the dataset replay, and the HTTP service fed NDJSON batches by several
 * concurrent clients. The bare producer has the same settings as ingest's (idempotent, acks=all,
 * same batching) and writes the already-encoded comments, so each ratio is the cost of everything
 * ingest does on top.
 *
 * <p>Every contender is timed from about its {@value #PROGRESS_EVERY}th comment to the
 * acknowledgement of its last, so none is charged for a fresh producer's first metadata fetch. A
 * run passes the dataset through the three contenders in turn several times and rates each by its
 * comments over its summed windows: on a shared machine a stall then weighs on one short window
 * among several, and the contenders see the same load.
 */
public final class IngestThroughput {

  /** The replay should keep at least this share of the bare producer's rate. */
  public static final double REPLAY_TARGET = 0.8;
  /** The HTTP service should keep at least this share of the bare producer's rate. */
  public static final double HTTP_TARGET = 0.5;

  /** One measured run: each contender's comments per second over its passes. */
  public record Run(double bareProducerPerSecond, double replayPerSecond, double httpPerSecond) {

    public double replayRatio() {
      return replayPerSecond / bareProducerPerSecond;
    }

    public double httpRatio() {
      return httpPerSecond / bareProducerPerSecond;
    }
  }

  /**
   * @param comments comments each contender wrote per pass
   * @param runs the measured runs, in the order they ran
   */
  public record Result(long comments, int httpBatchSize, int httpClients, int warmUpPasses, int passesPerRun,
      List<Run> runs) {

    public Result {
      runs = List.copyOf(runs);
    }

    public double bareProducerPerSecond() {
      return median(Run::bareProducerPerSecond);
    }

    public double replayPerSecond() {
      return median(Run::replayPerSecond);
    }

    public double httpPerSecond() {
      return median(Run::httpPerSecond);
    }

    /** Median of the per-run ratios, whose contenders took turns under the same load. */
    public double replayRatio() {
      return median(Run::replayRatio);
    }

    /** Median of the per-run ratios, whose contenders took turns under the same load. */
    public double httpRatio() {
      return median(Run::httpRatio);
    }

    /** One JSON object with every figure, for the last line of {@code sentiflow bench ingest}. */
    public String toJson() {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("comments", comments);
      fields.put("http_batch_size", httpBatchSize);
      fields.put("http_clients", httpClients);
      fields.put("warm_up_passes", warmUpPasses);
      fields.put("passes_per_run", passesPerRun);
      fields.put("bare_producer_per_s", Math.round(bareProducerPerSecond()));
      fields.put("replay_per_s", Math.round(replayPerSecond()));
      fields.put("http_per_s", Math.round(httpPerSecond()));
      fields.put("replay_ratio", round3(replayRatio()));
      fields.put("replay_target", REPLAY_TARGET);
      fields.put("http_ratio", round3(httpRatio()));
      fields.put("http_target", HTTP_TARGET);
      fields.put("runs_bare_producer_per_s", runs.stream().map(r -> Math.round(r.bareProducerPerSecond())).toList());
      fields.put("runs_replay_per_s", runs.stream().map(r -> Math.round(r.replayPerSecond())).toList());
      fields.put("runs_http_per_s", runs.stream().map(r -> Math.round(r.httpPerSecond())).toList());
      fields.put("runs_replay_ratio", runs.stream().map(r -> round3(r.replayRatio())).toList());
      fields.put("runs_http_ratio", runs.stream().map(r -> round3(r.httpRatio())).toList());
      try {
        return JSON.writeValueAsString(fields);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private double median(ToDoubleFunction<Run> figure) {
      double[] sorted = runs.stream().mapToDouble(figure).sorted().toArray();
      int mid = sorted.length / 2;
      return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double round3(double value) {
      return Math.round(value * 1000) / 1000.0;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PROGRESS_EVERY = 1_000;

  private IngestThroughput() {}

  /**
   * Replays {@code replay}'s dataset (labels off, so only comments are written) into
   * {@code topics.comments()}, reads those comments back, and writes them to the same topic again
   * with a bare producer and through one HTTP service that runs for the whole bench, as a deployed
   * one would (batches of {@code httpBatchSize} from {@code httpClients} concurrent clients; each
   * pass posts the comments under ids suffixed with the pass, so the service takes them as new
   * comments rather than repeats). {@code warmUpPasses} unmeasured passes come first so no
   * contender is timed while the JIT compiler works on it; then {@code runs} measured runs of
   * {@code passesPerRun} passes each (the replay and the bare producer pass by pass, HTTP as one
   * sustained stream of all the run's passes). {@code progress} hears a line per warm-up pass and
   * per run.
   */
  public static Result run(Properties kafka, ReplayConfig replay, IngestTopics topics, int httpBatchSize,
      int httpClients, int warmUpPasses, int runs, int passesPerRun, Consumer<String> progress) throws Exception {
    if (warmUpPasses < 1 || runs < 1 || passesPerRun < 1 || httpBatchSize < 1 || httpClients < 1) {
      throw new IllegalArgumentException("at least one warm-up pass, one run, one pass per run, one line per batch "
          + "and one client");
    }
    ReplayConfig commentsOnly = replay.withTopics(topics).withLabelledFraction(0).withProgressEvery(PROGRESS_EVERY);
    progress.accept("warm-up pass 1 of " + warmUpPasses);
    replay(kafka, commentsOnly);
    // Read back while the topic holds only the replay's comments.
    List<Comment> comments = readBack(kafka, topics.comments());
    try (HttpService http = new HttpService(kafka, topics, comments, httpBatchSize, httpClients)) {
      int pass = 1;
      bareProducer(kafka, topics.comments(), comments);
      http.measure(pass, 1);
      while (++pass <= warmUpPasses) {
        progress.accept("warm-up pass " + pass + " of " + warmUpPasses);
        replay(kafka, commentsOnly);
        bareProducer(kafka, topics.comments(), comments);
        http.measure(pass, 1);
      }
      List<Run> measured = new ArrayList<>();
      for (int run = 1; run <= runs; run++) {
        Window replayWindow = Window.NONE;
        Window bareWindow = Window.NONE;
        for (int i = 0; i < passesPerRun; i++) {
          replayWindow = replayWindow.plus(replay(kafka, commentsOnly));
          bareWindow = bareWindow.plus(bareProducer(kafka, topics.comments(), comments));
        }
        Window httpWindow = http.measure(pass, passesPerRun);
        pass += passesPerRun;
        Run r = new Run(bareWindow.perSecond(), replayWindow.perSecond(), httpWindow.perSecond());
        measured.add(r);
        progress.accept(String.format("run %d of %d: replay %.0f/s, bare producer %.0f/s, http %.0f/s "
                + "(ratios %.3f and %.3f; %d passes of %d comments of %s, http batches of %d from %d clients)", run,
            runs, r.replayPerSecond(), r.bareProducerPerSecond(), r.httpPerSecond(), r.replayRatio(), r.httpRatio(),
            passesPerRun, comments.size(), commentsOnly.dataset().name(), httpBatchSize, httpClients));
      }
      return new Result(comments.size(), httpBatchSize, httpClients, warmUpPasses, passesPerRun, measured);
    }
  }

  /** Comments a contender wrote within its timed window, and how long the window was. */
  private record Window(long comments, long nanos) {

    static final Window NONE = new Window(0, 0);

    Window plus(Window other) {
      return new Window(comments + other.comments, nanos + other.nanos);
    }

    double perSecond() {
      return comments / (nanos / 1e9);
    }
  }

  /** The replay's window: from its first progress report to its last, which follows the final flush. */
  private static Window replay(Properties kafka, ReplayConfig config) {
    collectGarbage();
    long[] window = new long[4]; // first progress: nanos, comments; last progress: nanos, comments
    ReplayResult result = DatasetReplay.run(kafka, config, (comments, labels) -> {
      if (window[1] == 0) {
        window[0] = System.nanoTime();
        window[1] = comments;
      }
      window[2] = System.nanoTime();
      window[3] = comments;
    });
    if (result.commentsSent() <= PROGRESS_EVERY) {
      throw new IllegalArgumentException("the dataset has " + result.commentsSent() + " comments; the bench needs "
          + "more than " + PROGRESS_EVERY + " to time a sustained rate");
    }
    return new Window(window[3] - window[1], window[2] - window[0]);
  }

  /**
   * A producer that only serialises and sends the comments, with the same window as the replay's:
   * from record {@value #PROGRESS_EVERY} to the end of the final flush.
   */
  private static Window bareProducer(Properties kafka, String topic, List<Comment> comments) {
    collectGarbage();
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
      long nanos = System.nanoTime() - start;
      if (failures.get() > 0) {
        throw new IllegalStateException(failures.get() + " bare producer sends failed");
      }
      return new Window(comments.size() - PROGRESS_EVERY, nanos);
    }
  }

  /**
   * The comments as NDJSON request bodies with every field the replay wrote, so the service writes
   * the same records (its own ingest time, a pseudonym of the already pseudonymous author and the
   * id suffix aside).
   */
  private static List<byte[]> ndjsonBatches(List<Comment> comments, int batchSize, String idSuffix)
      throws IOException {
    List<byte[]> batches = new ArrayList<>();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int i = 0; i < comments.size(); i++) {
      Comment c = comments.get(i);
      try (JsonGenerator line = JSON.getFactory().createGenerator(body)) {
        line.writeStartObject();
        line.writeStringField("id", c.getId() + idSuffix);
        line.writeStringField("text", c.getText().toString());
        line.writeStringField("thread", c.getThread().toString());
        line.writeStringField("author", c.getAuthor().toString());
        line.writeStringField("platform", c.getPlatform().toString());
        if (c.getLanguage() != null) {
          line.writeStringField("language", c.getLanguage().toString());
        }
        line.writeNumberField("eventTime", c.getEventTime());
        line.writeEndObject();
      }
      body.write('\n');
      if ((i + 1) % batchSize == 0 || i == comments.size() - 1) {
        batches.add(body.toByteArray());
        body.reset();
      }
    }
    return batches;
  }

  /**
   * The HTTP ingest service, running for the whole bench, and its clients, each holding a kept-alive
   * connection from one pool. Each measurement posts the first batches (about
   * {@value #PROGRESS_EVERY} comments) one at a time and untimed, so the window opens where the replay's and the bare
   * producer's do, then the rest from all clients at once, each posting its next batch once the last
   * is answered.
   */
  private static final class HttpService implements AutoCloseable {

    private static final ContentType NDJSON = ContentType.create("application/x-ndjson");

    private final List<Comment> comments;
    private final int batchSize;
    private final int headBatches;
    private final int clients;
    private final String token = UUID.randomUUID().toString();
    private final IngestServer server;
    private final URI endpoint;
    private final CloseableHttpClient client;
    private final ExecutorService pool;

    HttpService(Properties kafka, IngestTopics topics, List<Comment> comments, int batchSize, int clients) {
      this.comments = comments;
      this.batchSize = batchSize;
      this.headBatches = (PROGRESS_EVERY + batchSize - 1) / batchSize;
      if (headBatches * batchSize >= comments.size()) {
        throw new IllegalArgumentException("batches of " + batchSize + " leave none of the " + comments.size()
            + " comments to time after the first " + PROGRESS_EVERY);
      }
      this.clients = clients;
      String host = "127.0.0.1";
      server = new IngestServer(kafka, IngestConfig.defaults().withHost(host).withPort(0)
          .withBearerTokens(Set.of(token)).withTopics(topics)
          .withPrivacy(PrivacyConfig.defaults()), new SimpleMeterRegistry());
      endpoint = URI.create("http://" + host + ":" + server.start() + "/v1/comments");
      // One kept-alive connection per client, as a firehose's long-lived clients hold them; a failed
      // batch fails the bench rather than being retried into the figures.
      client = HttpClients.custom()
          .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
              .setMaxConnTotal(clients).setMaxConnPerRoute(clients).build())
          .disableAutomaticRetries()
          .build();
      pool = Executors.newFixedThreadPool(clients);
    }

    /**
     * Posts every comment once per pass for {@code passes} passes from {@code firstPass}, under ids
     * suffixed with the pass, as one stream of batches: the clients stay busy from pass to pass, as
     * under a sustained load, rather than idling at the end of each. The window runs from the end of
     * the first pass's head batches to the last answer.
     */
    Window measure(int firstPass, int passes) throws Exception {
      List<byte[]> batches = new ArrayList<>();
      for (int pass = firstPass; pass < firstPass + passes; pass++) {
        batches.addAll(ndjsonBatches(comments, batchSize, "-p" + pass));
      }
      collectGarbage();
      for (byte[] batch : batches.subList(0, headBatches)) {
        post(batch);
      }
      AtomicInteger next = new AtomicInteger(headBatches);
      Callable<Void> poster = () -> {
        for (int i = next.getAndIncrement(); i < batches.size(); i = next.getAndIncrement()) {
          post(batches.get(i));
        }
        return null;
      };
      long start = System.nanoTime();
      for (Future<Void> done : pool.invokeAll(Collections.nCopies(clients, poster))) {
        done.get();
      }
      return new Window((long) comments.size() * passes - (long) headBatches * batchSize,
          System.nanoTime() - start);
    }

    /** Posts one batch and reads the whole answer, so the service still writes its per-line results. */
    private void post(byte[] batch) throws IOException {
      HttpPost request = new HttpPost(endpoint);
      request.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
      request.setEntity(new ByteArrayEntity(batch, NDJSON));
      client.execute(request, response -> {
        // Read whole but not decoded: a client needs the bytes, not a String, to parse the answer.
        byte[] answer = EntityUtils.toByteArray(response.getEntity());
        if (response.getCode() != 200) {
          String body = new String(answer, StandardCharsets.UTF_8);
          throw new IllegalStateException("HTTP ingest answered " + response.getCode() + ": "
              + body.substring(0, Math.min(500, body.length())));
        }
        return answer;
      });
    }

    @Override
    public void close() throws IOException {
      pool.shutdownNow();
      client.close();
      server.close();
    }
  }

  /** Each contender starts on a collected heap, so none pays for the garbage another left. */
  private static void collectGarbage() {
    System.gc();
  }

  /** Every comment the topic holds now. */
  private static List<Comment> readBack(Properties kafka, String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(kafka, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<Comment> comments = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read back the replayed comments of " + topic + " in 60 s");
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          comments.add(Codecs.COMMENT.decode(r.value()));
        }
      }
      return comments;
    }
  }
}
