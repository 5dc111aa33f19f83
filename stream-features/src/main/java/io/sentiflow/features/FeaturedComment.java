package io.sentiflow.features;

import io.sentiflow.avro.Features;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * A comment after featurization, as it travels between operators and sits in join state; Flink
 * serializes it with {@link FeaturedCommentSerializer}. It becomes the Avro {@link Features} only at
 * the sinks.
 */
@TypeInfo(FeaturedCommentSerializer.Factory.class)
public class FeaturedComment {

  public String commentId;
  public String thread;
  /** May be null. */
  public String language;
  public int[] featureIds;
  public String[] terms;
  public int textLength;
  public long specHash;
  public long eventTime;
  public long ingestTime;
  public long featureTime;

  public FeaturedComment() {}

  public Features toFeatures() {
    List<Integer> ids = new ArrayList<>(featureIds.length);
    for (int id : featureIds) {
      ids.add(id);
    }
    return Features.newBuilder()
        .setCommentId(commentId)
        .setThread(thread)
        .setLanguage(language)
        .setFeatureIds(ids)
        .setTerms(Arrays.asList(terms))
        .setTextLength(textLength)
        .setSpecHash(specHash)
        .setEventTime(eventTime)
        .setIngestTime(ingestTime)
        .setFeatureTime(featureTime)
        .build();
  }
}
