package io.sentiflow.scorer;

/**
 * A snapshot of the scorer for dashboards.
 *
 * @param scored comments scored by this instance since it started
 * @param rejected features records this instance sent to {@code rejected}
 * @param modelVersion version of the model served now, -1 before the first
 * @param modelAgeMs how long ago the served version was created, -1 before the first
 */
public record ScorerStatus(long scored, long rejected, long modelVersion, long modelAgeMs) {}
