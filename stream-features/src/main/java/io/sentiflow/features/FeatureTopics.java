package io.sentiflow.features;

import io.sentiflow.schemas.Topic;

/** The topics the feature job reads and writes; {@link #defaults()} are Sentiflow's catalogue names. */
public record FeatureTopics(String comments, String labels, String features, String trainingExamples,
    String rejected) {

  public static FeatureTopics defaults() {
    return new FeatureTopics(Topic.COMMENTS.topicName(), Topic.LABELS.topicName(), Topic.FEATURES.topicName(),
        Topic.TRAINING_EXAMPLES.topicName(), Topic.REJECTED.topicName());
  }

  /** The same topics with {@code suffix} appended to every name (isolated environments, tests). */
  public FeatureTopics withSuffix(String suffix) {
    return new FeatureTopics(comments + suffix, labels + suffix, features + suffix, trainingExamples + suffix,
        rejected + suffix);
  }
}
