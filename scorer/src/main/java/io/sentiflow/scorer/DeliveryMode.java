package io.sentiflow.scorer;

import java.time.Duration;
import java.util.Locale;
import org.apache.kafka.streams.StreamsConfig;

/** How the scorer trades latency against duplicates after a failure. */
public enum DeliveryMode {
  /** At-least-once; scores keyed and deduplicated by comment id, so a replay never double counts. */
  LOW_LATENCY("low-latency", StreamsConfig.AT_LEAST_ONCE, Duration.ofSeconds(1)),
  /** Kafka Streams exactly-once v2 with read-committed input; latency grows by the commit interval. */
  EXACTLY_ONCE("exactly-once", StreamsConfig.EXACTLY_ONCE_V2, Duration.ofMillis(100));

  private final String flag;
  private final String processingGuarantee;
  private final Duration commitInterval;

  DeliveryMode(String flag, String processingGuarantee, Duration commitInterval) {
    this.flag = flag;
    this.processingGuarantee = processingGuarantee;
    this.commitInterval = commitInterval;
  }

  /** The name used on the command line and in configuration files. */
  public String flag() {
    return flag;
  }

  public String processingGuarantee() {
    return processingGuarantee;
  }

  /**
   * The Streams commit interval this mode runs with: exactly-once output becomes readable only at a
   * commit, so commit often; at-least-once output is readable at once, and every commit flushes the
   * state stores to disk, so commit less often.
   */
  public Duration commitInterval() {
    return commitInterval;
  }

  /** Accepts the flag form ({@code exactly-once}) or the constant name ({@code EXACTLY_ONCE}). */
  public static DeliveryMode parse(String value) {
    String normalized = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (DeliveryMode mode : values()) {
      if (mode.flag.equals(normalized)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("unknown delivery mode '" + value + "', expected low-latency or exactly-once");
  }
}
