package io.sentiflow.features;

import io.sentiflow.avro.TrainingExample;

/** Builds the record the learner trains on from a comment's features and its label. */
public final class TrainingExamples {

  private TrainingExamples() {}

  public static TrainingExample of(FeaturedComment comment, LabelEvent label) {
    return TrainingExample.newBuilder()
        .setFeatures(comment.toFeatures())
        .setLabel(label.sentiment)
        .setLabelTime(label.labelTime)
        .setLabelDelayMs(label.labelTime - comment.eventTime)
        .build();
  }
}
