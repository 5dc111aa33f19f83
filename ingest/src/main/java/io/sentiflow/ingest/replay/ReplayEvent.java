package io.sentiflow.ingest.replay;

import io.sentiflow.avro.Sentiment;

/** One thing a replay writes, in event-time order. */
sealed interface ReplayEvent {

  long eventTime();

  record CommentEvent(DatasetRecord comment) implements ReplayEvent {
    @Override
    public long eventTime() {
      return comment.eventTime();
    }
  }

  /** A label that arrives {@code labelTime - commentTime} after its comment. */
  record LabelEvent(String commentId, Sentiment sentiment, long commentTime, long labelTime) implements ReplayEvent {
    @Override
    public long eventTime() {
      return labelTime;
    }
  }
}
