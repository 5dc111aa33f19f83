package io.sentiflow.features;

import io.sentiflow.avro.Features;
import io.sentiflow.schemas.Codecs;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * A comment after featurization, as it travels to the join and waits in join state: what the join
 * needs of it, and its {@link Features} already single-object encoded, as the features topic takes
 * them. Encoding once where the comment is featurized spares the shuffle, the state snapshots and
 * the features sink every term as a string. Flink serializes it with {@link
 * FeaturedCommentSerializer}; nothing mutates the encoded bytes once they are set.
 */
@TypeInfo(FeaturedCommentSerializer.Factory.class)
public class FeaturedComment {

  public String commentId;
  public long eventTime;
  /** Single-object encoded {@link Features}. */
  public byte[] features;

  public FeaturedComment() {}

  public FeaturedComment(String commentId, long eventTime, byte[] features) {
    this.commentId = commentId;
    this.eventTime = eventTime;
    this.features = features;
  }

  /** The features decoded, for the training example the comment joins into. */
  public Features toFeatures() {
    return Codecs.FEATURES.decode(features);
  }
}
