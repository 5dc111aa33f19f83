package io.sentiflow.ingest;

import io.sentiflow.schemas.Topic;
import java.util.Objects;

/**
 * The topics ingest writes to. Production uses the catalogue names; tests and side-by-side runs
 * may point ingest at other topics.
 */
public record IngestTopics(String comments, String labels, String rejected) {

  public IngestTopics {
    Objects.requireNonNull(comments, "comments");
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(rejected, "rejected");
  }

  /** {@code comments}, {@code labels}, {@code rejected}. */
  public static IngestTopics defaults() {
    return new IngestTopics(Topic.COMMENTS.topicName(), Topic.LABELS.topicName(), Topic.REJECTED.topicName());
  }
}
