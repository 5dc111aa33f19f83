package io.sentiflow.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sentiflow.avro.Comment;
import io.sentiflow.avro.Label;
import io.sentiflow.ingest.IngestProducers;
import io.sentiflow.ingest.privacy.AuthorPseudonymizer;
import io.sentiflow.ingest.validate.DuplicateFilter;
import io.sentiflow.ingest.validate.RecordValidator;
import io.sentiflow.ingest.validate.Validated;
import io.sentiflow.schemas.AvroCodec;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.Rejections;
import io.sentiflow.schemas.kafka.TopicReadiness;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP front door for comments and labels.
 *
 * <ul>
 *   <li>{@code POST /v1/comments}, {@code POST /v1/labels}: one JSON object
 *       ({@code application/json}) or NDJSON ({@code application/x-ndjson}); bearer token required.
 *       Every line is validated on its own: valid lines are written and acknowledged by Kafka before
 *       the answer, invalid lines go to the dead-letter topic, and the JSON answer says per line what
 *       happened ({@link IngestResponse}). A comment id sent again with the same content is accepted
 *       as a duplicate and not written twice.
 *   <li>{@code GET /health}: 200 when Kafka answers, else 503.
 * </ul>
 *
 * <p>Request-level answers: 401 without a valid token, 413 for a body or batch over the limits, 415
 * for another content type, 400 for an empty body, 429 with {@code Retry-After} when too many
 * records are waiting for Kafka, 503 with {@code Retry-After} when Kafka is failing. Bad input is
 * never dropped silently: a request or line whose dead letter cannot be written is answered as
 * unavailable (503, send it again) rather than as rejected.
 */
public final class IngestServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(IngestServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Dead letters keep at most this much of the original line: enough to diagnose, far under the message limit. */
  static final int MAX_DEAD_LETTER_BYTES = 64 * 1024;
  private static final String REJECTED_REQUESTS = "sentiflow.ingest.http.requests.rejected";
  private static final Set<String> NDJSON_TYPES =
      Set.of("application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines");

  /** Validates one line, read in place from the request body. */
  @FunctionalInterface
  private interface LineValidator<T> {
    Validated<T> validate(byte[] body, int offset, int length);
  }

  /** One ingest endpoint: its path, topic, validation and whether repeated ids are filtered. */
  private record Endpoint<T extends SpecificRecord>(String path, String topic, LineValidator<T> validator,
      AvroCodec<T> codec, boolean deduplicate, Map<String, Counter> lines) {}

  private final Properties kafka;
  private final IngestConfig config;
  private final MeterRegistry registry;
  private final RecordValidator validator;
  private final DuplicateFilter duplicates;
  private final AdmissionGate gate;
  private final List<byte[]> tokenBytes;
  private KafkaProducer<byte[], byte[]> producer;
  private Admin admin;
  private Javalin app;

  public IngestServer(Properties kafka, IngestConfig config, MeterRegistry registry) {
    this.kafka = kafka;
    this.config = config;
    this.registry = registry;
    this.validator = new RecordValidator(config.validation(),
        new AuthorPseudonymizer(config.privacy().pseudonymKey()), config.privacy().maskMentions(), Clock.systemUTC());
    this.duplicates = new DuplicateFilter(config.duplicateMemory());
    this.gate = new AdmissionGate(config.maxInFlightRecords(), config.retryAfter().toNanos(), System::nanoTime);
    this.tokenBytes = config.bearerTokens().stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    registry.gauge("sentiflow.ingest.http.inflight.available", gate, AdmissionGate::available);
  }

  /** Starts listening; returns the port (the chosen one when the config says 0). */
  public synchronized int start() {
    if (app != null) {
      return app.port();
    }
    List<String> topics = List.of(config.topics().comments(), config.topics().labels(), config.topics().rejected());
    if (!TopicReadiness.await(kafka, topics, config.sendTimeout())) {
      // Serve anyway: callers get 503 until Kafka answers, and /health says why.
      LOG.warn("topics {} not ready after {}; starting anyway", topics, config.sendTimeout());
    }
    producer = IngestProducers.create(kafka, "sentiflow-ingest-http", producerTimeouts());
    admin = Admin.create(kafka);
    Endpoint<Comment> comments = new Endpoint<>("/v1/comments", config.topics().comments(), validator::comment,
        Codecs.COMMENT, true, lineCounters("/v1/comments"));
    Endpoint<Label> labels = new Endpoint<>("/v1/labels", config.topics().labels(), validator::label, Codecs.LABEL,
        false, lineCounters("/v1/labels"));
    app = Javalin.create(javalin -> {
      javalin.showJavalinBanner = false;
      javalin.startupWatcherEnabled = false;
      javalin.http.maxRequestSize = config.maxBodyBytes();
    });
    app.get("/health", this::health);
    app.post(comments.path(), ctx -> timed(ctx, comments));
    app.post(labels.path(), ctx -> timed(ctx, labels));
    app.start(config.host(), config.port());
    LOG.info("ingest listening on {}:{}", config.host(), app.port());
    return app.port();
  }

  public synchronized int port() {
    if (app == null) {
      throw new IllegalStateException("not started");
    }
    return app.port();
  }

  @Override
  public synchronized void close() {
    if (app != null) {
      app.stop();
      app = null;
    }
    if (producer != null) {
      // Records already accepted get the send timeout to land; a Kafka that is gone does not hold shutdown longer.
      producer.close(config.sendTimeout());
      producer = null;
    }
    if (admin != null) {
      admin.close(Duration.ofSeconds(2));
      admin = null;
    }
  }

  /**
   * Kafka gives up on a record a little before the request's own deadline, so the answer reflects
   * what landed. Batching stays at ingest's defaults: a shorter linger made more, smaller produce
   * requests, which queue on the one connection to a broker and lengthened each request's wait for
   * its acknowledgements rather than shortening it.
   */
  private Map<String, String> producerTimeouts() {
    long send = config.sendTimeout().toMillis();
    return Map.of(
        ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(Math.min(send / 2, 5_000)),
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(500, send * 4 / 10)),
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(send * 9 / 10));
  }

  private void health(Context ctx) {
    try {
      int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).nodes().get(3, TimeUnit.SECONDS)
          .size();
      respond(ctx, 200, Map.of("status", "UP", "kafka", "UP", "brokers", nodes));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      respond(ctx, 503, Map.of("status", "DOWN", "kafka", "DOWN", "reason", "interrupted"));
    } catch (ExecutionException | TimeoutException e) {
      respond(ctx, 503, Map.of("status", "DOWN", "kafka", "DOWN", "reason", String.valueOf(e.getMessage())));
    }
  }

  private <T extends SpecificRecord> void timed(Context ctx, Endpoint<T> endpoint) throws IOException {
    Timer.Sample sample = Timer.start(registry);
    try {
      ingest(ctx, endpoint);
    } finally {
      sample.stop(registry.timer("sentiflow.ingest.http.requests", "endpoint", endpoint.path(),
          "status", String.valueOf(ctx.statusCode())));
    }
  }

  private <T extends SpecificRecord> void ingest(Context ctx, Endpoint<T> endpoint) throws IOException {
    if (!authorized(ctx.header("Authorization"))) {
      // Unauthenticated bytes are not written anywhere: anyone could fill the dead-letter topic.
      ctx.header("WWW-Authenticate", "Bearer realm=\"sentiflow\"");
      countRejectedRequest(endpoint, 401, "unauthorized");
      respond(ctx, 401, error("unauthorized", "a valid bearer token is required"));
      return;
    }
    String mediaType = mediaType(ctx.contentType());
    boolean ndjson = NDJSON_TYPES.contains(mediaType);
    if (!ndjson && !"application/json".equals(mediaType) || !utf8Charset(ctx.contentType())) {
      byte[] start = readAtMost(ctx, MAX_DEAD_LETTER_BYTES);
      requestRejected(ctx, endpoint, 415, "unsupported_media_type", "content type '" + ctx.contentType()
          + "' is not application/json or application/x-ndjson in UTF-8", start);
      return;
    }
    long declared = ctx.req().getContentLengthLong();
    byte[] body = declared > config.maxBodyBytes() ? null : readBody(ctx, declared, config.maxBodyBytes() + 1);
    if (body == null || body.length > config.maxBodyBytes()) {
      requestRejected(ctx, endpoint, 413, "body_too_large", "the body is larger than "
          + config.maxBodyBytes() + " bytes", body == null ? new byte[0] : body);
      return;
    }
    List<BodyLines.Line> lines = ndjson ? BodyLines.ndjson(body) : BodyLines.single(body);
    if (lines.isEmpty()) {
      requestRejected(ctx, endpoint, 400, "empty_body", "the body holds no record", body);
      return;
    }
    if (lines.size() > config.maxLinesPerRequest()) {
      requestRejected(ctx, endpoint, 413, "too_many_lines", lines.size() + " lines, more than the limit of "
          + config.maxLinesPerRequest() + " per request", body);
      return;
    }
    switch (gate.tryAdmit(lines.size())) {
      case BUSY -> pushBack(ctx, 429, "busy", "too many records are waiting for Kafka");
      case UNAVAILABLE -> pushBack(ctx, 503, "kafka_unavailable", "Kafka is not accepting records");
      default -> {
        IngestResponse response = IngestResponse.of(writeLines(lines, endpoint));
        countLines(endpoint, response);
        int status = response.httpStatus();
        if (status == 503) {
          ctx.header("Retry-After", String.valueOf(config.retryAfter().toSeconds()));
        }
        ctx.status(status);
        ctx.contentType("application/json");
        // Compressing an answer cost more than validating the batch's lines, for an answer a fraction
        // the size of the uncompressed batch the client just sent.
        ctx.disableCompression();
        ctx.result(response.toJson());
      }
    }
  }

  /**
   * Validates every line, classifies the valid ones against the duplicate filter in one go and
   * hands Kafka each new record and each dead letter. Holds {@code lines.size()} admission permits:
   * each line handed to Kafka gives its permit back when settled, every other line once all are
   * handed over. A line counts as accepted or rejected only once Kafka acknowledged what it wrote.
   */
  private <T extends SpecificRecord> List<LineResult> writeLines(List<BodyLines.Line> lines, Endpoint<T> endpoint) {
    List<Validated<T>> validated = new ArrayList<>(lines.size());
    for (BodyLines.Line line : lines) {
      validated.add(endpoint.validator().validate(line.body(), line.offset(), line.length()));
    }
    DuplicateFilter.Batch classified = endpoint.deduplicate() ? duplicates.checkAll(validated) : null;
    List<LineResult> results = new ArrayList<>(lines.size());
    BatchAcks acks = new BatchAcks(lines.size(), gate);
    int handedToKafka = 0;
    boolean kafkaRefused = false;
    try {
      for (int index = 0; index < lines.size(); index++) {
        BodyLines.Line line = lines.get(index);
        ProducerRecord<byte[], byte[]> write;
        if (validated.get(index) instanceof Validated.Invalid<T> invalid) {
          results.add(LineResult.rejected(line.number(), invalid.key(), invalid.code(), invalid.reason()));
          write = deadLetter(endpoint, "line " + line.number() + " [" + invalid.code() + "]: " + invalid.reason(),
              invalid.key(), invalid.redacted());
        } else {
          Validated.Valid<T> valid = (Validated.Valid<T>) validated.get(index);
          DuplicateFilter.Verdict verdict = classified == null ? DuplicateFilter.Verdict.NEW : classified.verdict(index);
          if (verdict == DuplicateFilter.Verdict.REPEAT) {
            results.add(LineResult.duplicate(line.number(), valid.key()));
            continue;
          }
          if (verdict == DuplicateFilter.Verdict.PENDING) {
            // Answering "duplicate" now would be a promise the other request's write may not keep.
            results.add(LineResult.unavailable(line.number(), valid.key(),
                "another request with this id is still waiting for Kafka"));
            continue;
          }
          if (verdict == DuplicateFilter.Verdict.CONFLICT) {
            String reason = "id " + valid.key() + " was already accepted with different content";
            results.add(LineResult.rejected(line.number(), valid.key(), "id_conflict", reason));
            write = deadLetter(endpoint, "line " + line.number() + " [id_conflict]: " + reason, valid.key(),
                endpoint.codec().encode(valid.record()));
          } else {
            results.add(LineResult.accepted(line.number(), valid.key()));
            write = new ProducerRecord<>(endpoint.topic(), valid.key().getBytes(StandardCharsets.UTF_8),
                endpoint.codec().encode(valid.record()));
          }
        }
        if (kafkaRefused) {
          // Each send would block on a Kafka that just failed; the client retries the batch anyway.
          acks.notSent(index, "Kafka refused an earlier line");
        } else {
          handOver(write, acks, index);
          handedToKafka++;
          kafkaRefused = acks.failed(index);
        }
      }
    } catch (RuntimeException e) {
      if (classified != null) {
        // Else this batch's new ids would stay pending, and every repeat of them unavailable.
        classified.settleNoneStored();
      }
      throw e;
    } finally {
      gate.release(lines.size() - handedToKafka);
    }
    acks.awaitAll(config.sendTimeout());
    Set<String> notStored = new HashSet<>();
    for (int i = 0; i < results.size(); i++) {
      LineResult result = results.get(i);
      boolean wrote = "accepted".equals(result.status()) || result.isRejected();
      String failure = wrote ? acks.failure(i) : null;
      if (failure == null) {
        continue;
      }
      if (result.isRejected()) {
        // The client must send it again, or the bad input would leave no trace.
        results.set(i, LineResult.unavailable(result.line(), result.id(), "rejected [" + result.error() + "]: "
            + result.reason() + "; but its dead letter was not written (" + failure + ")"));
      } else {
        notStored.add(result.id());
        results.set(i, LineResult.unavailable(result.line(), result.id(), failure));
      }
    }
    if (classified != null) {
      // Not known to have landed: let the client's retry through the duplicate filter.
      classified.settle(notStored);
    }
    // A repeat later in the same batch is no more written than the line it repeats.
    for (int i = 0; i < results.size() && !notStored.isEmpty(); i++) {
      LineResult result = results.get(i);
      if ("duplicate".equals(result.status()) && notStored.contains(result.id())) {
        results.set(i, LineResult.unavailable(result.line(), result.id(), "repeats a line that did not land"));
      }
    }
    return results;
  }

  /** Hands {@code record} to Kafka as line {@code index} of {@code acks}; a send that throws settles it as failed. */
  private void handOver(ProducerRecord<byte[], byte[]> record, BatchAcks acks, int index) {
    try {
      producer.send(record, acks.expect(index));
    } catch (RuntimeException e) {
      acks.settle(index, e);
    }
  }

  private void pushBack(Context ctx, int status, String code, String reason) {
    ctx.header("Retry-After", String.valueOf(config.retryAfter().toSeconds()));
    registry.counter("sentiflow.ingest.http.pushback", "status", String.valueOf(status)).increment();
    respond(ctx, status, error(code, reason));
  }

  /**
   * Answers {@code status} for a request turned away as a whole, once its dead letter is written;
   * when it cannot be (Kafka busy or failing), 429 or 503 instead, so the client sends it again.
   */
  private <T extends SpecificRecord> void requestRejected(Context ctx, Endpoint<T> endpoint, int status, String code,
      String reason, byte[] original) {
    switch (gate.tryAdmit(1)) {
      case BUSY -> pushBack(ctx, 429, "busy", "too many records are waiting for Kafka");
      case UNAVAILABLE -> pushBack(ctx, 503, "kafka_unavailable", "Kafka is not accepting records");
      default -> {
        BatchAcks acks = new BatchAcks(1, gate);
        handOver(deadLetter(endpoint, "request [" + code + "]: " + reason, null,
            RecordValidator.maskAuthorFields(original)), acks, 0);
        acks.awaitAll(config.sendTimeout());
        String failure = acks.failure(0);
        if (failure == null) {
          countRejectedRequest(endpoint, status, code);
          respond(ctx, status, error(code, reason));
        } else {
          pushBack(ctx, 503, "kafka_unavailable", "rejected [" + code + "]: " + reason
              + "; but its dead letter was not written (" + failure + ")");
        }
      }
    }
  }

  /** The dead letter of a rejected request or line, its original cut to {@link #MAX_DEAD_LETTER_BYTES}. */
  private <T extends SpecificRecord> ProducerRecord<byte[], byte[]> deadLetter(Endpoint<T> endpoint, String reason,
      String key, byte[] original) {
    String source = "http:" + endpoint.path();
    byte[] kept = original.length > MAX_DEAD_LETTER_BYTES ? Arrays.copyOf(original, MAX_DEAD_LETTER_BYTES) : original;
    String fullReason = kept == original ? reason
        : reason + " (original truncated to " + kept.length + " of " + original.length + " bytes)";
    byte[] value = Codecs.REJECTED.encode(Rejections.of(source, "ingest", fullReason,
        key == null ? null : key.getBytes(StandardCharsets.UTF_8), kept));
    return new ProducerRecord<>(config.topics().rejected(), source.getBytes(StandardCharsets.UTF_8), value);
  }

  private boolean authorized(String header) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] presented = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    boolean match = false;
    for (byte[] token : tokenBytes) {
      match |= MessageDigest.isEqual(token, presented);
    }
    return match;
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }

  private static boolean utf8Charset(String contentType) {
    if (contentType == null) {
      return true;
    }
    for (String param : contentType.split(";")) {
      String p = param.strip().toLowerCase(Locale.ROOT);
      if (p.startsWith("charset=")) {
        String charset = p.substring(8).replace("\"", "");
        return charset.equals("utf-8") || charset.equals("utf8");
      }
    }
    return true;
  }

  /**
   * The body, read straight into an array of its declared length when it has one (at most the
   * limit, checked before): reading up to the limit would gather it in chunks and copy it again.
   */
  private static byte[] readBody(Context ctx, long declaredLength, long limit) throws IOException {
    if (declaredLength < 0) {
      return readAtMost(ctx, limit);
    }
    byte[] body = new byte[(int) declaredLength];
    try (InputStream in = ctx.req().getInputStream()) {
      int read = in.readNBytes(body, 0, body.length);
      return read == body.length ? body : Arrays.copyOf(body, read);
    }
  }

  private static byte[] readAtMost(Context ctx, long limit) throws IOException {
    try (InputStream in = ctx.req().getInputStream()) {
      return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
    }
  }

  /** Requests turned away as a whole, apart from their lines: one such request may hold thousands. */
  private void countRejectedRequest(Endpoint<?> endpoint, int status, String code) {
    registry.counter(REJECTED_REQUESTS, "endpoint", endpoint.path(), "status", String.valueOf(status), "reason", code)
        .increment();
  }

  /** A request's lines per outcome, each outcome counted once rather than once a line. */
  private static void countLines(Endpoint<?> endpoint, IngestResponse response) {
    Map<String, Counter> lines = endpoint.lines();
    lines.get("accepted").increment(response.accepted());
    lines.get("duplicate").increment(response.duplicates());
    lines.get("rejected").increment(response.rejected());
    lines.get("unavailable").increment(response.unavailable());
  }

  /** Lines per outcome, looked up once rather than per line. */
  private Map<String, Counter> lineCounters(String path) {
    Map<String, Counter> counters = new HashMap<>();
    for (String outcome : List.of("accepted", "duplicate", "rejected", "unavailable")) {
      counters.put(outcome, registry.counter("sentiflow.ingest.http.lines", "endpoint", path, "outcome", outcome));
    }
    return Map.copyOf(counters);
  }

  private static Map<String, String> error(String code, String reason) {
    return Map.of("error", code, "reason", reason);
  }

  private static void respond(Context ctx, int status, Object body) {
    ctx.status(status);
    ctx.contentType("application/json");
    try {
      ctx.result(JSON.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write response", e);
    }
  }
}
