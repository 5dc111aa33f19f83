package io.sentiflow.ops.dashboard;

import io.sentiflow.avro.Sentiment;
import io.sentiflow.ops.dashboard.DashboardSnapshot.Term;
import io.sentiflow.schemas.model.ModelWeights;
import io.sentiflow.schemas.text.FeatureVector;
import io.sentiflow.schemas.text.Featurizer;
import io.sentiflow.schemas.text.FeaturizerSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

/**
 * Scores a typed comment with the served model, the way the scorer does: featurize, predict, and
 * explain with the terms that pushed the predicted class's logit up the most. The featurizer must
 * hash exactly as the one the model was trained with, so its spec hash is checked against the
 * model's; a model trained with a different bucket count is matched by resizing the default spec.
 */
final class TryItScorer {

  /** Terms listed in an explanation at most. */
  static final int EXPLANATION_TERMS = 5;

  /** Sentiment of a comment; {@code probabilities} in {@link Sentiment} order. */
  record Result(String sentiment, float[] probabilities, float confidence, long modelVersion,
      List<Term> explanation) {}

  /** The served model hashes features differently from every featurizer the dashboard can build. */
  static final class SpecMismatchException extends RuntimeException {
    SpecMismatchException(String message) {
      super(message);
    }
  }

  private volatile Featurizer featurizer = new Featurizer(FeaturizerSpec.defaults());

  Result score(ModelWeights model, String text) {
    FeatureVector features = featurizerFor(model).featurize(text);
    float[] probabilities = model.predict(features.ids());
    int cls = ModelWeights.argmax(probabilities);
    float[] contributions = model.contributions(features.ids(), cls);
    return new Result(Sentiment.values()[cls].name(), probabilities, probabilities[cls], model.version(),
        topTerms(features.terms(), contributions));
  }

  private Featurizer featurizerFor(ModelWeights model) {
    Featurizer current = featurizer;
    if (current.spec().hash() == model.specHash()) {
      return current;
    }
    FeaturizerSpec resized = FeaturizerSpec.defaults().withBucketBits(model.shape().getBucketBits());
    if (resized.hash() != model.specHash()) {
      throw new SpecMismatchException(String.format(
          "model %s v%d was trained with featurizer spec %016x, but this dashboard featurizes with %016x",
          model.modelId(), model.version(), model.specHash(), resized.hash()));
    }
    featurizer = new Featurizer(resized);
    return featurizer;
  }

  /** A repeated term's contributions add up; terms that pushed the other way are left out. */
  static List<Term> topTerms(String[] terms, float[] contributions) {
    Map<String, Float> byTerm = new LinkedHashMap<>();
    for (int i = 0; i < terms.length; i++) {
      byTerm.merge(terms[i], contributions[i], Float::sum);
    }
    List<Entry<String, Float>> positive = new ArrayList<>();
    for (Entry<String, Float> e : byTerm.entrySet()) {
      if (e.getValue() > 0f) {
        positive.add(e);
      }
    }
    positive.sort(Entry.<String, Float>comparingByValue().reversed());
    return positive.stream()
        .limit(EXPLANATION_TERMS)
        .map(e -> new Term(e.getKey(), e.getValue()))
        .toList();
  }
}
