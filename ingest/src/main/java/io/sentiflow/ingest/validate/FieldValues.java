package io.sentiflow.ingest.validate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** How ingest reads a field's text, the same for HTTP lines and dataset rows. */
public final class FieldValues {

  private FieldValues() {}

  /** {@code value} stripped, or null when it is null or blank. */
  public static String blankToNull(String value) {
    if (value == null) {
      return null;
    }
    String stripped = value.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  /** {@code value} stripped, or {@code fallback} when it is null or blank. */
  public static String orDefault(String value, String fallback) {
    String stripped = blankToNull(value);
    return stripped == null ? fallback : stripped;
  }

  /**
   * Epoch milliseconds of an ISO-8601 instant ({@code 2015-02-17T09:00:00Z}) or offset date-time
   * ({@code 2015-02-17T09:00:00-08:00}).
   *
   * @throws DateTimeParseException when {@code text} is neither
   */
  public static long isoMillis(String text) {
    try {
      return Instant.parse(text).toEpochMilli();
    } catch (DateTimeParseException e) {
      return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    }
  }
}
