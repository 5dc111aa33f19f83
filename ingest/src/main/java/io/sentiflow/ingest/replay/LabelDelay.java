package io.sentiflow.ingest.replay;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long after its comment (in event time) a label arrives. Written on the command line as
 * {@code fixed:5s}, {@code uniform:1s..2m}, {@code exponential:30s} (durations as {@code 500ms},
 * {@code 30s}, {@code 5m}, {@code 1h} or ISO-8601 {@code PT30S}).
 */
public sealed interface LabelDelay {

  /** A delay in milliseconds, never negative. */
  long sampleMillis(RandomGenerator random);

  /** Every label exactly {@code delay} after its comment. */
  record Fixed(Duration delay) implements LabelDelay {
    public Fixed {
      requireNonNegative(delay);
    }

    @Override
    public long sampleMillis(RandomGenerator random) {
      return delay.toMillis();
    }

    @Override
    public String toString() {
      return "fixed:" + Durations.format(delay);
    }
  }

  /** Uniformly between {@code min} and {@code max}. */
  record Uniform(Duration min, Duration max) implements LabelDelay {
    public Uniform {
      requireNonNegative(min);
      if (max.compareTo(min) < 0) {
        throw new IllegalArgumentException("uniform delay needs min <= max");
      }
    }

    @Override
    public long sampleMillis(RandomGenerator random) {
      long lo = min.toMillis();
      long hi = max.toMillis();
      return lo == hi ? lo : random.nextLong(lo, hi + 1);
    }

    @Override
    public String toString() {
      return "uniform:" + Durations.format(min) + ".." + Durations.format(max);
    }
  }

  /** Exponentially distributed with the given mean: most labels come soon, a few much later. */
  record Exponential(Duration mean) implements LabelDelay {
    public Exponential {
      requireNonNegative(mean);
    }

    @Override
    public long sampleMillis(RandomGenerator random) {
      return Math.round(-mean.toMillis() * Math.log1p(-random.nextDouble()));
    }

    @Override
    public String toString() {
      return "exponential:" + Durations.format(mean);
    }
  }

  /** Exponential with a mean of 30 s. */
  static LabelDelay defaults() {
    return new Exponential(Duration.ofSeconds(30));
  }

  static LabelDelay parse(String text) {
    String spec = text.strip();
    int colon = spec.indexOf(':');
    String kind = colon < 0 ? spec : spec.substring(0, colon);
    String args = colon < 0 ? "" : spec.substring(colon + 1);
    return switch (kind) {
      case "fixed" -> new Fixed(Durations.parse(args));
      case "exponential", "exp" -> new Exponential(Durations.parse(args));
      case "uniform" -> {
        int dots = args.indexOf("..");
        if (dots < 0) {
          throw new IllegalArgumentException("uniform delay is written uniform:MIN..MAX, not '" + text + "'");
        }
        yield new Uniform(Durations.parse(args.substring(0, dots)), Durations.parse(args.substring(dots + 2)));
      }
      default -> throw new IllegalArgumentException(
          "unknown label delay '" + text + "'; use fixed:D, uniform:MIN..MAX or exponential:MEAN");
    };
  }

  private static void requireNonNegative(Duration d) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException("label delay must be a non-negative duration");
    }
  }
}
