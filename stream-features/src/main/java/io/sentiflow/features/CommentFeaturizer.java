package io.sentiflow.features;

import io.sentiflow.avro.Comment;
import io.sentiflow.schemas.InvalidRecordException;
import io.sentiflow.schemas.text.FeatureVector;
import io.sentiflow.schemas.text.Featurizer;
import io.sentiflow.schemas.text.FeaturizerSpec;

/** Turns a decoded comment into its hashed features, stamped with the spec that produced them. */
public final class CommentFeaturizer {

  private final Featurizer featurizer;
  private final long specHash;

  public CommentFeaturizer(FeaturizerSpec spec) {
    this.featurizer = new Featurizer(spec);
    this.specHash = spec.hash();
  }

  /**
   * @throws InvalidRecordException when the comment cannot be featurized (no id, no text)
   */
  public FeaturedComment featurize(Comment comment, long featureTime) {
    if (comment.getId() == null || comment.getId().isBlank()) {
      throw new InvalidRecordException("comment without an id");
    }
    String text = comment.getText();
    FeatureVector vector = featurizer.featurize(text);
    FeaturedComment featured = new FeaturedComment();
    featured.commentId = comment.getId();
    featured.thread = comment.getThread();
    featured.language = comment.getLanguage();
    featured.featureIds = vector.ids();
    featured.terms = vector.terms();
    featured.textLength = text.codePointCount(0, text.length());
    featured.specHash = specHash;
    featured.eventTime = comment.getEventTime();
    featured.ingestTime = comment.getIngestTime();
    featured.featureTime = featureTime;
    return featured;
  }

  public long specHash() {
    return specHash;
  }
}
