package io.sentiflow.ingest.replay;

import java.time.Duration;

/**
 * How fast a replay writes. On the command line: {@code max} (as fast as possible),
 * {@code rate:500} (comments per second), {@code speedup:60} (event time runs 60 times faster
 * than the wall clock).
 */
public sealed interface Pacing {

  /** No waiting: as fast as the producer takes records. */
  record AsFastAsPossible() implements Pacing {
    @Override
    public String toString() {
      return "max";
    }
  }

  /** A steady number of comments per second; labels go out as their turn comes. */
  record FixedRate(double commentsPerSecond) implements Pacing {
    public FixedRate {
      if (!(commentsPerSecond > 0)) {
        throw new IllegalArgumentException("rate must be positive");
      }
    }

    @Override
    public String toString() {
      return "rate:" + commentsPerSecond;
    }
  }

  /**
   * Event time compressed by {@code speedUp}: a gap of a minute between two comments takes a
   * second at 60. Quiet stretches in a dataset (days without data) wait at most {@code maxPause}.
   */
  record CompressedRealTime(double speedUp, Duration maxPause) implements Pacing {
    public CompressedRealTime {
      if (!(speedUp > 0)) {
        throw new IllegalArgumentException("speed-up must be positive");
      }
      if (maxPause == null || maxPause.isNegative()) {
        throw new IllegalArgumentException("max pause must be a non-negative duration");
      }
    }

    @Override
    public String toString() {
      return "speedup:" + speedUp;
    }
  }

  /** As fast as possible. */
  static Pacing defaults() {
    return new AsFastAsPossible();
  }

  /** Longest single wait of compressed real time unless configured otherwise. */
  Duration DEFAULT_MAX_PAUSE = Duration.ofSeconds(5);

  static Pacing parse(String text) {
    String spec = text.strip();
    int colon = spec.indexOf(':');
    String kind = colon < 0 ? spec : spec.substring(0, colon);
    String arg = colon < 0 ? "" : spec.substring(colon + 1);
    try {
      return switch (kind) {
        case "max", "fast" -> new AsFastAsPossible();
        case "rate" -> new FixedRate(Double.parseDouble(arg));
        case "speedup" -> new CompressedRealTime(Double.parseDouble(arg), DEFAULT_MAX_PAUSE);
        default -> throw new IllegalArgumentException("unknown pacing");
      };
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not a pacing; use max, rate:N or speedup:F", e);
    }
  }
}
