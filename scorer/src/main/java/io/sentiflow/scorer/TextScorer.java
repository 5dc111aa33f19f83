package io.sentiflow.scorer;

import io.sentiflow.avro.Features;
import io.sentiflow.avro.SentimentScore;
import io.sentiflow.schemas.model.ModelWeights;
import io.sentiflow.schemas.text.FeatureVector;
import io.sentiflow.schemas.text.Featurizer;
import io.sentiflow.schemas.text.FeaturizerSpec;
import java.util.Arrays;
import java.util.UUID;

/** Scores free text the way the pipeline would: featurize with the expected spec, then score. */
final class TextScorer {

  static final String THREAD = "try-it";

  private final FeaturizerSpec spec;
  private final Featurizer featurizer;
  private final int topK;

  TextScorer(FeaturizerSpec spec, int topK) {
    this.spec = spec;
    this.featurizer = new Featurizer(spec);
    this.topK = topK;
  }

  SentimentScore score(String text, ModelWeights model) {
    if (model == null) {
      throw new IllegalStateException("no model is served yet");
    }
    long now = System.currentTimeMillis();
    FeatureVector vector = featurizer.featurize(text);
    Features features = Features.newBuilder()
        .setCommentId("try-it-" + UUID.randomUUID())
        .setThread(THREAD)
        .setLanguage(null)
        .setFeatureIds(Arrays.stream(vector.ids()).boxed().toList())
        .setTerms(Arrays.asList(vector.terms()))
        .setTextLength(text.codePointCount(0, text.length()))
        .setSpecHash(spec.hash())
        .setEventTime(now)
        .setIngestTime(now)
        .setFeatureTime(now)
        .build();
    String refusal = FeatureScorer.refusal(features, model);
    if (refusal != null) {
      throw new IllegalStateException(refusal);
    }
    return FeatureScorer.score(features, model, topK, now);
  }
}
