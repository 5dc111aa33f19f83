package io.sentiflow.ingest.replay;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short duration syntax for the command line: {@code 250ms}, {@code 30s}, {@code 5m}, {@code 2h},
 * {@code 1d}, or ISO-8601.
 */
final class Durations {

  private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

  private Durations() {}

  static Duration parse(String text) {
    String s = text.strip();
    Matcher m = SHORT.matcher(s);
    if (m.matches()) {
      double amount = Double.parseDouble(m.group(1));
      double millis = switch (m.group(2)) {
        case "ms" -> amount;
        case "s" -> amount * 1_000;
        case "m" -> amount * 60_000;
        case "h" -> amount * 3_600_000;
        default -> amount * 86_400_000;
      };
      return Duration.ofMillis(Math.round(millis));
    }
    try {
      return Duration.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 500ms, 30s, 5m, 1h, PT30S)", e);
    }
  }

  static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 1000 != 0) {
      return ms + "ms";
    }
    return ms / 1000 + "s";
  }
}
