package io.sentiflow.ingest.validate;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a record must satisfy to enter Sentiflow.
 *
 * @param maxTextChars longest comment text (default 10,000 characters)
 * @param maxIdChars longest comment id (default 256)
 * @param maxFieldChars longest thread, platform, author, language or label source (default 256)
 * @param earliestTime event and label times before this are rejected as bogus (default 2000-01-01T00:00:00Z)
 * @param maxFutureSkew times later than now plus this are rejected (default 5 minutes)
 */
public record ValidationRules(int maxTextChars, int maxIdChars, int maxFieldChars, Instant earliestTime,
    Duration maxFutureSkew) {

  public ValidationRules {
    if (maxTextChars < 1 || maxIdChars < 1 || maxFieldChars < 1) {
      throw new IllegalArgumentException("length limits must be positive");
    }
    Objects.requireNonNull(earliestTime, "earliestTime");
    if (maxFutureSkew == null || maxFutureSkew.isNegative()) {
      throw new IllegalArgumentException("max future skew must be a non-negative duration");
    }
  }

  public static ValidationRules defaults() {
    return new ValidationRules(10_000, 256, 256, Instant.parse("2000-01-01T00:00:00Z"), Duration.ofMinutes(5));
  }

  public ValidationRules withMaxTextChars(int value) {
    return new ValidationRules(value, maxIdChars, maxFieldChars, earliestTime, maxFutureSkew);
  }
}
