package io.sentiflow.scorer;

import java.util.Locale;
import org.apache.kafka.streams.StreamsConfig;

/** How the scorer trades latency against duplicates after a failure. */
public enum DeliveryMode {
  /** At-least-once; scores keyed and deduplicated by comment id, so a replay never double counts. */
  LOW_LATENCY("low-latency", StreamsConfig.AT_LEAST_ONCE),
  /** Kafka Streams exactly-once v2 with read-committed input; latency grows by the commit interval. */
  EXACTLY_ONCE("exactly-once", StreamsConfig.EXACTLY_ONCE_V2);

  private final String flag;
  private final String processingGuarantee;

  DeliveryMode(String flag, String processingGuarantee) {
    this.flag = flag;
    this.processingGuarantee = processingGuarantee;
  }

  /** The name used on the command line and in configuration files. */
  public String flag() {
    return flag;
  }

  public String processingGuarantee() {
    return processingGuarantee;
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
