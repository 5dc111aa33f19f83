package io.sentiflow.ops.dashboard;

import static io.sentiflow.ops.dashboard.DashboardFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sentiflow.avro.DriftKind;
import io.sentiflow.ops.dashboard.DashboardConfig.LagTarget;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.Topic;
import io.sentiflow.schemas.model.ModelWeights;
import io.sentiflow.schemas.testing.KafkaTestUtils;
import io.sentiflow.schemas.testing.SharedEmbeddedKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dashboard against a real broker: what it reads shows up in its snapshot, and the try-it API scores. */
class DashboardServerTest {

  private static final String MODEL_ID = "dashboard-api-test";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String THREAD = "thread-" + RUN;
  private static final String DETECTOR = "psi-class-mix-" + RUN;
  /** A group of this test's own, so no real scorer sharing the broker is disturbed. */
  private static final String SCORER_GROUP = "scorer-" + RUN;

  private static SharedEmbeddedKafka kafka;
  private static ModelWeights model;
  private static DashboardServer server;
  private static String base;

  @BeforeAll
  static void startDashboard() {
    kafka = SharedEmbeddedKafka.get();
    model = DashboardFixtures.model(MODEL_ID, 0.8);
    DashboardFixtures.publishSnapshot(kafka, model);
    server = new DashboardServer(kafka.clientProperties(),
        DashboardConfig.defaults().withPort(0).withModelId(MODEL_ID).withFromEarliest(true)
            .withLagTargets(List.of(new LagTarget(SCORER_GROUP, Topic.FEATURES.topicName()),
                new LagTarget("learner-" + RUN, Topic.TRAINING_EXAMPLES.topicName()))));
    base = "http://localhost:" + server.start();
  }

  @AfterAll
  static void stopDashboard() {
    server.close();
  }

  @Test
  void snapshotReflectsTheTopics() throws Exception {
    long now = System.currentTimeMillis();
    List<byte[][]> comments = new ArrayList<>();
    List<byte[][]> scores = new ArrayList<>();
    // An undecodable score first: it is counted and skipped, and the good ones after it still show.
    scores.add(new byte[][] {utf8("junk"), utf8("not avro")});
    String[] texts = {"thanks, great crew", "flight delayed again, worst airline", "landed at gate 4"};
    for (int i = 0; i < texts.length; i++) {
      String id = RUN + "-" + i;
      comments.add(new byte[][] {utf8(id),
          Codecs.COMMENT.encode(DashboardFixtures.comment(id, THREAD, texts[i], now))});
      scores.add(new byte[][] {utf8(id),
          Codecs.SENTIMENT_SCORE.encode(DashboardFixtures.score(model, id, THREAD, texts[i], now, 40))});
    }
    KafkaTestUtils.produce(kafka, Topic.COMMENTS.topicName(), comments);
    KafkaTestUtils.produce(kafka, Topic.SCORES.topicName(), scores);
    KafkaTestUtils.produce(kafka, Topic.SENTIMENT_BY_THREAD.topicName(), List.of(
        new byte[][] {utf8(THREAD), Codecs.THREAD_SENTIMENT.encode(DashboardFixtures.threadWindow(THREAD, 0, 10, 0.5))},
        new byte[][] {utf8(THREAD),
            Codecs.THREAD_SENTIMENT.encode(DashboardFixtures.threadWindow(THREAD, 0, 20, -0.25))}));
    KafkaTestUtils.produce(kafka, Topic.DRIFT_ALERTS.topicName(), List.<byte[][]>of(new byte[][] {utf8(DETECTOR),
        Codecs.DRIFT_ALERT.encode(DashboardFixtures.driftAlert(DETECTOR, DriftKind.PREDICTION, 0.31, 1, now))}));

    // The scorer group has committed the start of features, so everything written there is lag.
    List<byte[][]> features = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      features.add(new byte[][] {utf8(RUN + "-f" + i), utf8("features " + i)});
    }
    KafkaTestUtils.produce(kafka, Topic.FEATURES.topicName(), features);
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
      for (int p = 0; p < Topic.FEATURES.partitions(); p++) {
        start.put(new TopicPartition(Topic.FEATURES.topicName(), p), new OffsetAndMetadata(0));
      }
      admin.alterConsumerGroupOffsets(SCORER_GROUP, start).all().get(10, TimeUnit.SECONDS);
    }

    JsonNode snapshot = eventually("snapshot with the produced records", () -> get("/api/snapshot"),
        s -> latestIds(s).containsAll(List.of(RUN + "-0", RUN + "-1", RUN + "-2"))
            && hasDetector(s, DETECTOR) && thread(s, THREAD) != null && s.at("/model/version").asLong() == 1
            && s.at("/totals/undecodable").asLong() >= 1 && lag(s, SCORER_GROUP).asLong() >= 5);

    assertThat(snapshot.at("/totals/scored").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(snapshot.at("/classMix/POSITIVE").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(snapshot.at("/classMix/NEGATIVE").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(snapshot.at("/throughput/perSecond").asDouble()).isPositive();
    assertThat(snapshot.at("/latency/p50Ms").asDouble()).isPositive();
    assertThat(snapshot.at("/model/accuracy").asDouble()).isEqualTo(0.8);
    assertThat(lag(snapshot, "learner-" + RUN).isNull()).as("no committed offsets: no lag figure").isTrue();

    JsonNode negative = latest(snapshot, RUN + "-1");
    assertThat(negative.get("text").asText()).isEqualTo(texts[1]);
    assertThat(negative.get("sentiment").asText()).isEqualTo("NEGATIVE");
    assertThat(negative.get("latencyMs").asLong()).isEqualTo(40);
    assertThat(terms(negative.get("explanation"))).contains("delayed", "worst");

    // The second emission of the same window replaces the first.
    JsonNode thread = thread(snapshot, THREAD);
    assertThat(thread.get("points")).hasSize(1);
    assertThat(thread.at("/points/0/y").asDouble()).isEqualTo(-0.25);
    assertThat(thread.get("comments").asLong()).isEqualTo(20);
  }

  @Test
  void scoresATypedCommentWithTheServedModel() throws Exception {
    eventually("model served", () -> get("/api/snapshot"), s -> s.at("/model/version").asLong() == 1);

    HttpResponse<String> positive = post("/api/score", "{\"text\": \"Thanks, the crew was great!\"}");
    assertThat(positive.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(positive.body());
    assertThat(body.get("sentiment").asText()).isEqualTo("POSITIVE");
    assertThat(body.get("modelVersion").asLong()).isEqualTo(1);
    assertThat(body.get("probabilities")).hasSize(3);
    assertThat(body.get("confidence").asDouble()).isGreaterThan(0.5);
    assertThat(terms(body.get("explanation"))).contains("great", "thanks");

    JsonNode negative = JSON.readTree(post("/api/score", "{\"text\": \"bags lost, flight cancelled\"}").body());
    assertThat(negative.get("sentiment").asText()).isEqualTo("NEGATIVE");
  }

  @Test
  void rejectsBadTryItInputWithAClearError() throws Exception {
    String tooLong = "a".repeat(DashboardConfig.defaults().maxTryItChars() + 1);
    for (String body : List.of("{}", "{\"text\": \"\"}", "{\"text\": \"   \"}", "{\"text\": 42}", "not json",
        "{\"text\": \"" + tooLong + "\"}")) {
      HttpResponse<String> response = post("/api/score", body);
      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertThat(JSON.readTree(response.body()).get("error").asText()).as(body).isNotBlank();
    }
    HttpResponse<String> huge = post("/api/score", "{\"text\": \"" + "a".repeat(2_000_000) + "\"}");
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(huge.body()).get("error").asText()).isNotBlank();
  }

  @Test
  void answersUnavailableUntilAModelIsServed() throws Exception {
    try (DashboardServer unmodelled = new DashboardServer(kafka.clientProperties(),
        DashboardConfig.defaults().withPort(0).withModelId("never-published-" + RUN))) {
      String other = "http://localhost:" + unmodelled.start();
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(other + "/api/score"))
          .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"great\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(JSON.readTree(response.body()).get("error").asText()).contains("no model");
    }
  }

  @Test
  void pushesSnapshotsOverServerSentEvents() throws Exception {
    HttpResponse<Stream<String>> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/events"))
        .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/event-stream"));
    List<JsonNode> pushes = new ArrayList<>();
    try (Stream<String> lines = response.body()) {
      var it = lines.iterator();
      while (pushes.size() < 2 && it.hasNext()) {
        String line = it.next();
        if (line.startsWith("data:")) {
          pushes.add(JSON.readTree(line.substring("data:".length())));
        }
      }
    }
    assertThat(pushes).hasSize(2);
    assertThat(pushes.get(1).get("time").asLong()).isGreaterThan(pushes.get(0).get("time").asLong());
    assertThat(pushes.get(1).get("modelId").asText()).isEqualTo(MODEL_ID);
  }

  @Test
  void servesThePageWithItsBundledChartLibrary() throws Exception {
    HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("data-testid=\"stat-scored\"", "vendor/chart.umd.min.js")
        .doesNotContain("https://");
    HttpResponse<String> library = HTTP.send(
        HttpRequest.newBuilder(URI.create(base + "/vendor/chart.umd.min.js")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(library.statusCode()).isEqualTo(200);
    assertThat(library.body()).contains("Chart");
    assertThat(get("/health").get("status").asText()).isEqualTo("UP");
  }

  private static JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  interface Fetch {
    JsonNode get() throws Exception;
  }

  /** Polls until the condition holds; fails with the last value after 30 s. */
  private static JsonNode eventually(String what, Fetch fetch, Predicate<JsonNode> condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    JsonNode last = fetch.get();
    while (!condition.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + what + " within 30 s; last: " + last);
      }
      Thread.sleep(200);
      last = fetch.get();
    }
    return last;
  }

  private static List<String> latestIds(JsonNode snapshot) {
    List<String> ids = new ArrayList<>();
    snapshot.get("latest").forEach(c -> ids.add(c.get("commentId").asText()));
    return ids;
  }

  private static JsonNode latest(JsonNode snapshot, String id) {
    for (JsonNode c : snapshot.get("latest")) {
      if (c.get("commentId").asText().equals(id)) {
        return c;
      }
    }
    throw new AssertionError("no comment " + id);
  }

  private static boolean hasDetector(JsonNode snapshot, String detector) {
    for (JsonNode alert : snapshot.get("drift")) {
      if (alert.get("detector").asText().equals(detector)) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode thread(JsonNode snapshot, String name) {
    for (JsonNode t : snapshot.get("threads")) {
      if (t.get("thread").asText().equals(name)) {
        return t;
      }
    }
    return null;
  }

  private static JsonNode lag(JsonNode snapshot, String group) {
    for (JsonNode l : snapshot.get("lag")) {
      if (l.get("group").asText().equals(group)) {
        return l.get("lag");
      }
    }
    throw new AssertionError("no lag entry for " + group);
  }

  private static List<String> terms(JsonNode explanation) {
    List<String> terms = new ArrayList<>();
    explanation.forEach(t -> {
      assertThat(t.get("weight").asDouble()).isPositive();
      terms.add(t.get("term").asText());
    });
    return terms;
  }
}
