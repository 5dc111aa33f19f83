package io.sentiflow.features;

import io.sentiflow.avro.Label;
import io.sentiflow.avro.Sentiment;

/** A decoded label on its way to the join. A Flink POJO, so that it checkpoints compactly. */
public class LabelEvent {

  public String commentId;
  public Sentiment sentiment;
  public String source;
  /** Event time of the label, epoch millis UTC. */
  public long labelTime;

  public LabelEvent() {}

  public LabelEvent(String commentId, Sentiment sentiment, String source, long labelTime) {
    this.commentId = commentId;
    this.sentiment = sentiment;
    this.source = source;
    this.labelTime = labelTime;
  }

  public static LabelEvent of(Label label) {
    return new LabelEvent(label.getCommentId(), label.getSentiment(), label.getSource(), label.getLabelTime());
  }
}
