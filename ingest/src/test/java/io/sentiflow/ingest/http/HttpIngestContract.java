package io.sentiflow.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sentiflow.avro.Comment;
import io.sentiflow.avro.Label;
import io.sentiflow.avro.Rejected;
import io.sentiflow.avro.Sentiment;
import io.sentiflow.ingest.IngestTopics;
import io.sentiflow.ingest.TestTopics;
import io.sentiflow.ingest.privacy.PrivacyConfig;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.testing.KafkaCluster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP ingest service against a real broker, fed the bad-input corpus; run against each kind of cluster. */
abstract class HttpIngestContract {

  private static final String TOKEN = "test-token-123";
  private static final String NDJSON = "application/x-ndjson";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private IngestTopics topics;
  private IngestServer server;
  private String base;

  @TempDir
  Path dir;

  protected abstract KafkaCluster cluster();

  @BeforeEach
  void startServer() {
    topics = TestTopics.create(cluster());
    IngestConfig config = IngestConfig.defaults()
        .withHost("127.0.0.1")
        .withPort(0)
        .withBearerTokens(Set.of(TOKEN))
        .withMaxBodyBytes(2L * 1024 * 1024)
        .withTopics(topics)
        .withPrivacy(new PrivacyConfig("http-test-key", false));
    server = new IngestServer(cluster().clientProperties(), config, registry);
    base = "http://127.0.0.1:" + server.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private HttpResponse<String> post(String path, String contentType, byte[] body, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] ndjson(byte[]... lines) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] line : lines) {
      out.write(line);
      out.write('\n');
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.write(part);
    }
    return out.toByteArray();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private List<Rejected> deadLetters(int atLeast) {
    return TestTopics.readAtLeast(cluster(), topics.rejected(), atLeast, WAIT).stream()
        .map(r -> Codecs.REJECTED.decode(r.value())).toList();
  }

  @Test
  void badLinesAreRejectedOneByOneWhileGoodLinesBesideThemLand() throws Exception {
    byte[] invalidUtf8 = concat(utf8("{\"id\":\"b2\",\"text\":\"caf"), new byte[] {(byte) 0xC3, 0x28}, utf8("\"}"));
    byte[] body = ndjson(
        utf8("{\"id\":\"c1\",\"text\":\"first flight was great\",\"author\":\"raw_handle_alice\",\"thread\":\"acme\"}"),
        utf8("{\"id\":\"b1\",\"text\":"),
        invalidUtf8,
        utf8("{\"text\":\"no id\",\"author\":\"raw_handle_alice\"}"),
        utf8("{\"id\":\"b3\"}"),
        utf8("{\"id\":\"b4\",\"text\":\"" + "x".repeat(1024 * 1024) + "\"}"),
        utf8("{\"id\":\"b5\",\"text\":\"from the future\",\"eventTime\":\"2099-01-01T00:00:00Z\"}"),
        utf8("{\"id\":\"b6\",\"text\":\"from 1970\",\"eventTime\":0}"),
        utf8("{\"id\":\"c1\",\"text\":\"first flight was great\",\"author\":\"raw_handle_alice\",\"thread\":\"acme\"}"),
        utf8("{\"id\":\"c1\",\"text\":\"edited later\",\"author\":\"raw_handle_alice\",\"thread\":\"acme\"}"),
        utf8("{\"id\":\"c2\",\"text\":\"lost my bag\",\"author\":\"raw_handle_bob\",\"eventTime\":1424163600000}"));

    HttpResponse<String> response = post("/v1/comments", NDJSON, body, TOKEN);

    assertThat(response.statusCode()).isEqualTo(422);
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.get("accepted").asInt()).isEqualTo(2);
    assertThat(answer.get("duplicates").asInt()).isEqualTo(1);
    assertThat(answer.get("rejected").asInt()).isEqualTo(8);
    List<String> outcomes = new ArrayList<>();
    answer.get("results").forEach(r -> outcomes.add(r.get("line").asInt() + ":" + r.get("status").asText()
        + (r.has("error") ? ":" + r.get("error").asText() : "")));
    assertThat(outcomes).containsExactly("1:accepted", "2:rejected:invalid_json", "3:rejected:invalid_utf8",
        "4:rejected:missing_field", "5:rejected:missing_field", "6:rejected:text_too_long", "7:rejected:bad_time",
        "8:rejected:bad_time", "9:duplicate", "10:rejected:id_conflict", "11:accepted");
    assertThat(answer.get("results").get(6).get("reason").asText()).contains("2099").contains("future");
    assertThat(answer.get("results").get(7).get("reason").asText()).contains("1970");

    List<ConsumerRecord<byte[], byte[]>> landed = TestTopics.readAll(cluster(), topics.comments());
    assertThat(landed).extracting(r -> new String(r.key(), StandardCharsets.UTF_8)).containsExactlyInAnyOrder("c1", "c2");
    Comment c1 = landed.stream().map(r -> Codecs.COMMENT.decode(r.value())).filter(c -> c.getId().equals("c1"))
        .findFirst().orElseThrow();
    assertThat(c1.getText()).isEqualTo("first flight was great");
    assertThat(c1.getThread()).isEqualTo("acme");
    assertThat(c1.getAuthor()).startsWith("u_");

    List<Rejected> dead = deadLetters(8);
    assertThat(dead).hasSize(8);
    assertThat(dead).extracting(r -> r.getReason().toString().replaceAll("]:.*", "]")).containsExactly(
        "line 2 [invalid_json]", "line 3 [invalid_utf8]", "line 4 [missing_field]", "line 5 [missing_field]",
        "line 6 [text_too_long]", "line 7 [bad_time]", "line 8 [bad_time]", "line 10 [id_conflict]");
    assertThat(dead).allSatisfy(r -> {
      assertThat(r.getStage().toString()).isEqualTo("ingest");
      assertThat(r.getSource().toString()).isEqualTo("http:/v1/comments");
      assertThat(r.getOriginal().remaining()).isLessThanOrEqualTo(IngestServer.MAX_DEAD_LETTER_BYTES);
    });
    assertThat(dead.get(4).getReason().toString()).contains("truncated");
    assertThat(new String(dead.get(3).getKey() == null ? new byte[0] : dead.get(3).getKey().array(),
        StandardCharsets.UTF_8)).isEqualTo("b3");

    List<ConsumerRecord<byte[], byte[]>> everything = new ArrayList<>(landed);
    everything.addAll(TestTopics.readAll(cluster(), topics.rejected()));
    assertThat(everything).allSatisfy(r ->
        assertThat(new String(r.value(), StandardCharsets.ISO_8859_1)).doesNotContain("raw_handle"));
  }

  @Test
  void labelsWithUnknownSentimentAreRejectedAndKnownOnesLand() throws Exception {
    byte[] body = ndjson(utf8("{\"commentId\":\"c1\",\"sentiment\":\"negative\",\"source\":\"support-desk\"}"),
        utf8("{\"commentId\":\"c2\",\"sentiment\":\"furious\"}"));

    HttpResponse<String> response = post("/v1/labels", NDJSON, body, TOKEN);

    assertThat(response.statusCode()).isEqualTo(422);
    List<ConsumerRecord<byte[], byte[]>> labels = TestTopics.readAll(cluster(), topics.labels());
    assertThat(labels).hasSize(1);
    Label label = Codecs.LABEL.decode(labels.get(0).value());
    assertThat(label.getCommentId()).isEqualTo("c1");
    assertThat(label.getSentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(label.getSource()).isEqualTo("support-desk");
    assertThat(deadLetters(1)).singleElement()
        .satisfies(r -> assertThat(r.getReason().toString()).startsWith("line 2 [unknown_label]"));
  }

  @Test
  void aCommentSentTwiceIsWrittenOnce() throws Exception {
    byte[] comment = utf8("{\"id\":\"once\",\"text\":\"hello\"}");

    HttpResponse<String> first = post("/v1/comments", "application/json; charset=utf-8", comment, TOKEN);
    HttpResponse<String> second = post("/v1/comments", "application/json", comment, TOKEN);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(first.body()).get("results").get(0).get("status").asText()).isEqualTo("accepted");
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(second.body()).get("results").get(0).get("status").asText()).isEqualTo("duplicate");
    assertThat(TestTopics.readAll(cluster(), topics.comments())).hasSize(1);
  }

  @Test
  void requestsThatCannotBeReadAreTurnedAwayWithTheRightStatus() throws Exception {
    byte[] good = utf8("{\"id\":\"r1\",\"text\":\"fine\",\"author\":\"raw_handle_carol\"}");

    HttpResponse<String> empty = post("/v1/comments", NDJSON, new byte[0], TOKEN);
    HttpResponse<String> wrongType = post("/v1/comments", "text/plain", good, TOKEN);
    HttpResponse<String> noToken = post("/v1/comments", NDJSON, good, null);
    HttpResponse<String> badToken = post("/v1/comments", NDJSON, good, "guess");
    HttpResponse<String> tooLarge = post("/v1/comments", NDJSON, new byte[3 * 1024 * 1024], TOKEN);

    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(empty.body()).get("error").asText()).isEqualTo("empty_body");
    assertThat(wrongType.statusCode()).isEqualTo(415);
    assertThat(noToken.statusCode()).isEqualTo(401);
    assertThat(noToken.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(badToken.statusCode()).isEqualTo(401);
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    // Rejected requests from authenticated callers leave dead letters; unauthenticated ones leave nothing.
    List<Rejected> dead = deadLetters(3);
    assertThat(dead).extracting(r -> r.getReason().toString().replaceAll("]:.*", "]"))
        .containsExactly("request [empty_body]", "request [unsupported_media_type]", "request [body_too_large]");
    assertThat(new String(dead.get(1).getOriginal().array(), StandardCharsets.UTF_8))
        .contains("\"id\":\"r1\"").doesNotContain("raw_handle_carol");
    assertThat(TestTopics.readAll(cluster(), topics.comments())).isEmpty();
    // Requests turned away whole are counted as requests, by status and reason, never as lines.
    assertThat(registry.find("sentiflow.ingest.http.lines").counters()).allSatisfy(c -> assertThat(c.count()).isZero());
    assertThat(registry.get("sentiflow.ingest.http.requests.rejected").counters().stream()
        .collect(Collectors.toMap(c -> c.getId().getTag("status") + " " + c.getId().getTag("reason"), Counter::count)))
        .containsExactlyInAnyOrderEntriesOf(Map.of("400 empty_body", 1.0, "415 unsupported_media_type", 1.0,
            "401 unauthorized", 2.0, "413 body_too_large", 1.0));
  }

  @Test
  void aBatchIsAnsweredUncompressedEvenToAClientThatAcceptsGzip() throws Exception {
    byte[] body = utf8(IntStream.range(0, 100)
        .mapToObj(i -> "{\"id\":\"plain-" + i + "\",\"text\":\"comment number " + i + "\"}")
        .collect(Collectors.joining("\n")));
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/comments"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Content-Type", NDJSON)
        .header("Authorization", "Bearer " + TOKEN)
        .header("Accept-Encoding", "gzip")
        .build();

    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(JSON.readTree(response.body()).get("results")).hasSize(100);
  }

  @Test
  void healthSaysKafkaIsUp() throws Exception {
    HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(health.body()).get("kafka").asText()).isEqualTo("UP");
  }

  @Test
  void curlPostsAnNdjsonBatchOfFiveHundred() throws Exception {
    assertThat(Files.isExecutable(Path.of("/usr/bin/curl")))
        .as("curl is required to run the ingest tests (apt-get install curl): /usr/bin/curl is missing").isTrue();
    Path batch = dir.resolve("batch.ndjson");
    Files.writeString(batch, IntStream.range(0, 500)
        .mapToObj(i -> "{\"id\":\"curl-" + i + "\",\"text\":\"comment number " + i + "\",\"thread\":\"curl\"}")
        .collect(Collectors.joining("\n", "", "\n")));
    Path answer = dir.resolve("answer.json");

    Process curl = new ProcessBuilder("/usr/bin/curl", "-sS", "-o", answer.toString(), "-w", "%{http_code}",
        "-H", "Authorization: Bearer " + TOKEN, "-H", "Content-Type: " + NDJSON,
        "--data-binary", "@" + batch, base + "/v1/comments")
        .redirectErrorStream(true).start();
    String status = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

    assertThat(curl.waitFor()).isZero();
    assertThat(status).isEqualTo("200");
    assertThat(JSON.readTree(answer.toFile()).get("accepted").asInt()).isEqualTo(500);
    assertThat(TestTopics.readAll(cluster(), topics.comments())).hasSize(500);
  }
}
