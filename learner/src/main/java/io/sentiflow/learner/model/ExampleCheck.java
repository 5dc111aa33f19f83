package io.sentiflow.learner.model;

import io.sentiflow.avro.TrainingExample;

/** Why a decoded training example cannot be learned by a model, or {@code null} when it can. */
public final class ExampleCheck {

  private ExampleCheck() {}

  public static String problem(TrainingExample example, long modelSpecHash, int buckets) {
    long specHash = example.getFeatures().getSpecHash();
    if (specHash != modelSpecHash) {
      return "featurizer spec hash " + specHash + " differs from the model's " + modelSpecHash;
    }
    for (int id : example.getFeatures().getFeatureIds()) {
      if (id < 0 || id >= buckets) {
        return "feature id " + id + " is outside the model's " + buckets + " buckets";
      }
    }
    return null;
  }
}
