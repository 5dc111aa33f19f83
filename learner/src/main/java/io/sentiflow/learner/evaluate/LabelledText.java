package io.sentiflow.learner.evaluate;

/** A text with its class index and the time it was written (epoch millis, 0 when unknown). */
public record LabelledText(String text, int label, long time) {}
