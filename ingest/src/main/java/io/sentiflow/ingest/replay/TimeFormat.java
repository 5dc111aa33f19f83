package io.sentiflow.ingest.replay;

import io.sentiflow.ingest.validate.FieldValues;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;

/**
 * How a time column is written: {@code iso} (ISO-8601 instant or offset date-time),
 * {@code epoch-millis}, {@code epoch-seconds}, or a {@link DateTimeFormatter} pattern that
 * includes a zone or offset, e.g. {@code yyyy-MM-dd HH:mm:ss Z}.
 */
public final class TimeFormat {

  public static final TimeFormat ISO = new TimeFormat("iso");

  private final String spec;
  private final DateTimeFormatter pattern;

  private TimeFormat(String spec) {
    this.spec = spec;
    this.pattern = switch (spec) {
      case "iso", "epoch-millis", "epoch-seconds" -> null;
      default -> DateTimeFormatter.ofPattern(spec, Locale.ROOT);
    };
  }

  public static TimeFormat of(String spec) {
    return new TimeFormat(Objects.requireNonNull(spec, "time format"));
  }

  /**
   * Epoch milliseconds UTC of {@code value}.
   *
   * @throws IllegalArgumentException saying why the value is not a time in this format
   */
  public long parseMillis(String value) {
    String v = value.strip();
    try {
      return switch (spec) {
        case "iso" -> FieldValues.isoMillis(v);
        case "epoch-millis" -> Long.parseLong(v);
        case "epoch-seconds" -> Math.multiplyExact(Long.parseLong(v), 1000L);
        default -> pattern.parse(v, Instant::from).toEpochMilli();
      };
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("'" + value + "' is not a time in format " + spec, e);
    }
  }

  public String spec() {
    return spec;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimeFormat other && other.spec.equals(spec);
  }

  @Override
  public int hashCode() {
    return spec.hashCode();
  }

  @Override
  public String toString() {
    return spec;
  }
}
