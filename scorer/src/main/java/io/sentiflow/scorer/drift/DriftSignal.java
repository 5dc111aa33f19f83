package io.sentiflow.scorer.drift;

import io.sentiflow.avro.DriftKind;

/**
 * A detector fired.
 *
 * @param detector which one, e.g. {@code psi-class-mix}, {@code adwin-error}
 * @param statistic what {@code value} measures, e.g. {@code psi}, {@code mean-error}
 * @param windowStart event time of the first observation in the window that fired
 * @param windowEnd event time of the last observation in it
 */
public record DriftSignal(String detector, DriftKind kind, String statistic, double value, double threshold,
    long windowStart, long windowEnd) {}
