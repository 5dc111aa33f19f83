package io.sentiflow.scorer;

import io.sentiflow.avro.Features;
import io.sentiflow.avro.Sentiment;
import io.sentiflow.avro.SentimentScore;
import io.sentiflow.avro.TermContribution;
import io.sentiflow.schemas.model.ModelWeights;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one comment's features into a {@link SentimentScore} with a model version: the pure-Java
 * forward pass from {@code schemas}, the predicted class, and the terms that pushed it most.
 */
public final class FeatureScorer {

  private static final Sentiment[] THREE_CLASSES = {Sentiment.NEGATIVE, Sentiment.NEUTRAL, Sentiment.POSITIVE};
  private static final Sentiment[] TWO_CLASSES = {Sentiment.NEGATIVE, Sentiment.POSITIVE};

  private FeatureScorer() {}

  /** Why these features cannot be scored with this model, or {@code null} when they can. */
  public static String refusal(Features features, ModelWeights model) {
    if (model == null) {
      return "no model is served yet";
    }
    if (features.getSpecHash() != model.specHash()) {
      return String.format("featurizer spec %016x of the features differs from spec %016x of model %s v%d;"
          + " refusing to mix them", features.getSpecHash(), model.specHash(), model.modelId(), model.version());
    }
    int classes = model.shape().getClasses();
    if (classes != 2 && classes != 3) {
      return "model " + model.modelId() + " has " + classes + " classes; a score names 2 or 3";
    }
    if (features.getTerms().size() != features.getFeatureIds().size()) {
      return features.getFeatureIds().size() + " feature ids but " + features.getTerms().size() + " terms";
    }
    for (int id : features.getFeatureIds()) {
      if (id < 0 || id >= model.buckets()) {
        return "feature id " + id + " is outside the model's " + model.buckets() + " buckets";
      }
    }
    return null;
  }

  /** Scores features that {@link #refusal} accepted. */
  public static SentimentScore score(Features features, ModelWeights model, int topK, long scoreTime) {
    int[] ids = features.getFeatureIds().stream().mapToInt(Integer::intValue).toArray();
    float[] probs = model.predict(ids);
    int cls = ModelWeights.argmax(probs);
    Sentiment[] names = probs.length == 2 ? TWO_CLASSES : THREE_CLASSES;
    return SentimentScore.newBuilder()
        .setCommentId(features.getCommentId())
        .setThread(features.getThread())
        .setSentiment(names[cls])
        .setProbabilities(threeWay(probs))
        .setConfidence(probs[cls])
        .setModelVersion(model.version())
        .setExplanation(explain(features.getTerms(), model.contributions(ids, cls), topK))
        .setEventTime(features.getEventTime())
        .setIngestTime(features.getIngestTime())
        .setScoreTime(scoreTime)
        .build();
  }

  /**
   * The {@code topK} terms that pushed the predicted class's logit most; a term seen several times
   * adds up its positions, and terms the model gives no weight are left out.
   */
  static List<TermContribution> explain(List<String> terms, float[] contributions, int topK) {
    Map<String, Float> byTerm = new LinkedHashMap<>();
    for (int i = 0; i < contributions.length; i++) {
      if (contributions[i] != 0f) {
        byTerm.merge(terms.get(i), contributions[i], Float::sum);
      }
    }
    List<TermContribution> ranked = new ArrayList<>(byTerm.size());
    byTerm.forEach((term, weight) -> ranked.add(new TermContribution(term, weight)));
    ranked.sort(Comparator.comparingDouble((TermContribution t) -> t.getWeight()).reversed());
    return ranked.subList(0, Math.min(topK, ranked.size()));
  }

  /** Probabilities in the NEGATIVE, NEUTRAL, POSITIVE order the score schema names. */
  private static List<Float> threeWay(float[] probs) {
    if (probs.length == 2) {
      return List.of(probs[0], 0f, probs[1]);
    }
    return List.of(probs[0], probs[1], probs[2]);
  }
}
