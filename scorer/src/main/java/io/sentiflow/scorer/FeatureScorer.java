package io.sentiflow.scorer;

import io.sentiflow.avro.Features;
import io.sentiflow.avro.Sentiment;
import io.sentiflow.avro.SentimentScore;
import io.sentiflow.avro.TermContribution;
import io.sentiflow.schemas.model.ModelWeights;
import java.util.ArrayList;
import java.util.HashMap;
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
    List<Integer> featureIds = features.getFeatureIds();
    int[] ids = new int[featureIds.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = featureIds.get(i);
    }
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
   * adds up its positions, and terms the model gives no weight are left out. Equal weights keep
   * the order in which their terms first appear.
   */
  static List<TermContribution> explain(List<String> terms, float[] contributions, int topK) {
    Map<String, Integer> slotOfTerm = new HashMap<>();
    String[] distinctTerms = new String[contributions.length];
    float[] summed = new float[contributions.length];
    int distinct = 0;
    for (int i = 0; i < contributions.length; i++) {
      if (contributions[i] != 0f) {
        String term = terms.get(i);
        Integer slot = slotOfTerm.putIfAbsent(term, distinct);
        if (slot == null) {
          distinctTerms[distinct] = term;
          summed[distinct++] = contributions[i];
        } else {
          summed[slot] += contributions[i];
        }
      }
    }
    int[] top = largestFirst(summed, distinct, topK);
    List<TermContribution> explanation = new ArrayList<>(top.length);
    for (int slot : top) {
      explanation.add(new TermContribution(distinctTerms[slot], summed[slot]));
    }
    return explanation;
  }

  /**
   * Indices of the {@code k} largest of {@code values[0, count)}, largest first, the earlier index
   * first among equal values (the order a stable descending sort gives). A comment has tens of
   * terms and an explanation a handful, so keeping the best k in order beats sorting them all.
   */
  static int[] largestFirst(float[] values, int count, int k) {
    int[] top = new int[Math.max(0, Math.min(k, count))];
    int held = 0;
    for (int i = 0; i < count; i++) {
      int at = held;
      while (at > 0 && Float.compare(values[i], values[top[at - 1]]) > 0) {
        at--;
      }
      if (at < top.length) {
        System.arraycopy(top, at, top, at + 1, Math.min(held, top.length - 1) - at);
        top[at] = i;
        held = Math.min(held + 1, top.length);
      }
    }
    return top;
  }

  /** Probabilities in the NEGATIVE, NEUTRAL, POSITIVE order the score schema names. */
  private static List<Float> threeWay(float[] probs) {
    if (probs.length == 2) {
      return List.of(probs[0], 0f, probs[1]);
    }
    return List.of(probs[0], probs[1], probs[2]);
  }
}
