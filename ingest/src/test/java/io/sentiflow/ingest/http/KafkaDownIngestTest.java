package io.sentiflow.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** With no Kafka to write to, callers are told to come back later instead of being buffered. */
class KafkaDownIngestTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void unreachableKafkaMeans503WithRetryAfterAndNothingClaimedAccepted() throws Exception {
    Properties kafka = new Properties();
    kafka.put("bootstrap.servers", "127.0.0.1:" + unusedPort());
    IngestConfig config = IngestConfig.defaults().withHost("127.0.0.1").withPort(0).withBearerTokens(Set.of("t"))
        .withSendTimeout(Duration.ofSeconds(2)).withRetryAfter(Duration.ofSeconds(30));
    HttpClient http = HttpClient.newHttpClient();
    try (IngestServer server = new IngestServer(kafka, config, new SimpleMeterRegistry())) {
      String base = "http://127.0.0.1:" + server.start();
      HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/v1/comments"))
          .header("Authorization", "Bearer t").header("Content-Type", "application/x-ndjson")
          .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"y\"}\n"))
          .build();

      HttpResponse<String> first = http.send(post, HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> second = http.send(post, HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(first.statusCode()).isEqualTo(503);
      assertThat(first.headers().firstValue("Retry-After")).hasValue("30");
      JsonNode answer = JSON.readTree(first.body());
      assertThat(answer.get("accepted").asInt()).isZero();
      assertThat(answer.get("unavailable").asInt()).isEqualTo(2);
      assertThat(answer.get("results").get(0).get("error").asText()).isEqualTo("kafka_unavailable");
      // Within the retry interval the service does not touch Kafka again.
      assertThat(second.statusCode()).isEqualTo(503);
      assertThat(JSON.readTree(second.body()).get("error").asText()).isEqualTo("kafka_unavailable");
      assertThat(health.statusCode()).isEqualTo(503);
    }
  }

  @Test
  void badInputWhoseDeadLetterCannotBeWrittenIsAnswered503SoItIsSentAgain() throws Exception {
    Properties kafka = new Properties();
    kafka.put("bootstrap.servers", "127.0.0.1:" + unusedPort());
    IngestConfig config = IngestConfig.defaults().withHost("127.0.0.1").withPort(0).withBearerTokens(Set.of("t"))
        .withSendTimeout(Duration.ofSeconds(2)).withRetryAfter(Duration.ofSeconds(1));
    MeterRegistry registry = new SimpleMeterRegistry();
    HttpClient http = HttpClient.newHttpClient();
    try (IngestServer server = new IngestServer(kafka, config, registry)) {
      String base = "http://127.0.0.1:" + server.start();
      HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(base + "/v1/comments"))
          .header("Authorization", "Bearer t");

      HttpResponse<String> repeated = http.send(post.copy().header("Content-Type", "application/x-ndjson")
          .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"a\",\"text\":\"x\"}\n"))
          .build(), HttpResponse.BodyHandlers.ofString());
      // Past the retry interval this request probes Kafka with nothing but a dead letter.
      Thread.sleep(1_100);
      HttpResponse<String> onlyInvalid = http.send(post.copy().header("Content-Type", "application/x-ndjson")
          .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"b\"}\n")).build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> wrongType = http.send(post.copy().header("Content-Type", "text/plain")
          .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"c\",\"text\":\"y\"}")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(repeated.statusCode()).isEqualTo(503);
      assertThat(onlyInvalid.statusCode()).isEqualTo(503);
      assertThat(onlyInvalid.headers().firstValue("Retry-After")).hasValue("1");
      JsonNode line = JSON.readTree(onlyInvalid.body()).get("results").get(0);
      assertThat(line.get("status").asText()).isEqualTo("unavailable");
      assertThat(line.get("reason").asText()).contains("missing_field").contains("dead letter was not written");
      assertThat(wrongType.statusCode()).isEqualTo(503);
      assertThat(wrongType.headers().firstValue("Retry-After")).hasValue("1");
      // Each line counted once, by its final outcome; a request turned away whole is no line.
      assertThat(linesCounted(registry, "unavailable")).isEqualTo(3);
      assertThat(linesCounted(registry, "duplicate")).isZero();
      assertThat(linesCounted(registry, "rejected")).isZero();
      assertThat(registry.find("sentiflow.ingest.http.requests.rejected").counters()).isEmpty();
    }
  }

  private static double linesCounted(MeterRegistry registry, String outcome) {
    return registry.get("sentiflow.ingest.http.lines").tag("outcome", outcome).counters().stream()
        .mapToDouble(c -> c.count()).sum();
  }

  private static int unusedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
