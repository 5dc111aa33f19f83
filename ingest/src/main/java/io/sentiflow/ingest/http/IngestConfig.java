package io.sentiflow.ingest.http;

import io.sentiflow.ingest.IngestTopics;
import io.sentiflow.ingest.privacy.PrivacyConfig;
import io.sentiflow.ingest.validate.ValidationRules;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of the HTTP ingest service.
 *
 * @param host interface to listen on (default {@code 0.0.0.0})
 * @param port port to listen on; 0 picks a free one (default 8088)
 * @param bearerTokens tokens accepted in {@code Authorization: Bearer ...}; several allow rotation
 *     (default: one random token, see {@link #defaults()})
 * @param maxBodyBytes largest request body; larger ones get 413 (default 8 MiB)
 * @param maxLinesPerRequest most NDJSON lines in one request; more get 413 (default 10,000)
 * @param validation what each record must satisfy
 * @param privacy pseudonym key and mention masking
 * @param topics where comments, labels and dead letters go
 * @param sendTimeout longest a request waits for Kafka to acknowledge its records before it gets
 *     503 (default 10 s)
 * @param maxInFlightRecords records accepted but not yet acknowledged by Kafka across all requests;
 *     beyond it callers get 429 (or 503 while Kafka is failing) instead of more buffering (default 100,000)
 * @param duplicateMemory comment ids remembered to recognise a resent comment (default 1,000,000)
 * @param retryAfter the {@code Retry-After} given with 429 and 503, and how long to fail fast after
 *     Kafka failed before trying it again (default 1 s)
 */
public record IngestConfig(String host, int port, Set<String> bearerTokens, long maxBodyBytes,
    int maxLinesPerRequest, ValidationRules validation, PrivacyConfig privacy, IngestTopics topics,
    Duration sendTimeout, int maxInFlightRecords, int duplicateMemory, Duration retryAfter) {

  public IngestConfig {
    Objects.requireNonNull(host, "host");
    bearerTokens = Set.copyOf(bearerTokens);
    if (bearerTokens.isEmpty() || bearerTokens.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("at least one non-blank bearer token is required");
    }
    if (port < 0 || port > 65_535 || maxBodyBytes < 1 || maxLinesPerRequest < 1 || duplicateMemory < 1) {
      throw new IllegalArgumentException("port, body limit, line limit and duplicate memory must be in range");
    }
    if (maxInFlightRecords < maxLinesPerRequest) {
      throw new IllegalArgumentException("max in-flight records must be at least max lines per request");
    }
    Objects.requireNonNull(validation, "validation");
    Objects.requireNonNull(privacy, "privacy");
    Objects.requireNonNull(topics, "topics");
    if (sendTimeout == null || sendTimeout.toMillis() < 1_000 || retryAfter == null || retryAfter.toSeconds() < 1) {
      throw new IllegalArgumentException("send timeout and retry-after must be at least a second");
    }
  }

  /**
   * Listens on 0.0.0.0:8088 with one random bearer token (read it from {@link #bearerTokens()});
   * the rest as documented above.
   */
  public static IngestConfig defaults() {
    byte[] token = new byte[24];
    new SecureRandom().nextBytes(token);
    return new IngestConfig("0.0.0.0", 8088, Set.of(Base64.getUrlEncoder().withoutPadding().encodeToString(token)),
        8L * 1024 * 1024, 10_000, ValidationRules.defaults(), PrivacyConfig.defaults(), IngestTopics.defaults(),
        Duration.ofSeconds(10), 100_000, 1_000_000, Duration.ofSeconds(1));
  }

  public IngestConfig withHost(String value) {
    return new IngestConfig(value, port, bearerTokens, maxBodyBytes, maxLinesPerRequest, validation, privacy, topics,
        sendTimeout, maxInFlightRecords, duplicateMemory, retryAfter);
  }

  public IngestConfig withPort(int value) {
    return new IngestConfig(host, value, bearerTokens, maxBodyBytes, maxLinesPerRequest, validation, privacy, topics,
        sendTimeout, maxInFlightRecords, duplicateMemory, retryAfter);
  }

  public IngestConfig withBearerTokens(Set<String> value) {
    return new IngestConfig(host, port, value, maxBodyBytes, maxLinesPerRequest, validation, privacy, topics,
        sendTimeout, maxInFlightRecords, duplicateMemory, retryAfter);
  }

  public IngestConfig withMaxBodyBytes(long value) {
    return new IngestConfig(host, port, bearerTokens, value, maxLinesPerRequest, validation, privacy, topics,
        sendTimeout, maxInFlightRecords, duplicateMemory, retryAfter);
  }

  public IngestConfig withPrivacy(PrivacyConfig value) {
    return new IngestConfig(host, port, bearerTokens, maxBodyBytes, maxLinesPerRequest, validation, value, topics,
        sendTimeout, maxInFlightRecords, duplicateMemory, retryAfter);
  }

  public IngestConfig withTopics(IngestTopics value) {
    return new IngestConfig(host, port, bearerTokens, maxBodyBytes, maxLinesPerRequest, validation, privacy, value,
        sendTimeout, maxInFlightRecords, duplicateMemory, retryAfter);
  }

  public IngestConfig withSendTimeout(Duration value) {
    return new IngestConfig(host, port, bearerTokens, maxBodyBytes, maxLinesPerRequest, validation, privacy, topics,
        value, maxInFlightRecords, duplicateMemory, retryAfter);
  }

  public IngestConfig withRetryAfter(Duration value) {
    return new IngestConfig(host, port, bearerTokens, maxBodyBytes, maxLinesPerRequest, validation, privacy, topics,
        sendTimeout, maxInFlightRecords, duplicateMemory, value);
  }

  @Override
  public String toString() {
    return "IngestConfig[host=" + host + ", port=" + port + ", bearerTokens=<" + bearerTokens.size() + " hidden>"
        + ", maxBodyBytes=" + maxBodyBytes + ", maxLinesPerRequest=" + maxLinesPerRequest + ", validation="
        + validation + ", privacy=" + privacy + ", topics=" + topics + ", sendTimeout=" + sendTimeout
        + ", maxInFlightRecords=" + maxInFlightRecords + ", duplicateMemory=" + duplicateMemory + ", retryAfter="
        + retryAfter + "]";
  }
}
