package io.sentiflow.scorer;

import io.sentiflow.avro.Features;
import io.sentiflow.avro.ModelKind;
import io.sentiflow.avro.ModelShape;
import io.sentiflow.schemas.model.ModelWeights;
import java.util.List;
import java.util.Map;

/** Small hand-made models and features for tests. */
final class TestModels {

  static final int BITS = 10;
  static final long SPEC = 0x5eed_5eedL;

  private TestModels() {}

  static ModelShape linearShape(int bits) {
    return ModelShape.newBuilder().setKind(ModelKind.LINEAR).setBucketBits(bits).setDimension(3).setClasses(3).build();
  }

  /** A 3-class multinomial logistic regression whose rows are {@code rows}. */
  static ModelWeights linear(String modelId, long version, long specHash, Map<Integer, float[]> rows, float[] bias) {
    return linear(modelId, version, BITS, specHash, rows, bias);
  }

  static ModelWeights linear(String modelId, long version, int bits, long specHash, Map<Integer, float[]> rows,
      float[] bias) {
    ModelWeights zero = ModelWeights.initial(modelId, version, linearShape(bits), specHash, new float[0], bias,
        1_000L);
    return zero.next(version, rows, new float[0], bias, true, null, 1_000L);
  }

  /** "good" (bucket 1) is positive, "late" (bucket 2) negative, "flight" (bucket 3) unknown. */
  static ModelWeights sentimentModel(long version) {
    return linear("sentiment", version, SPEC, Map.of(1, new float[] {0f, 0f, 3f}, 2, new float[] {3f, 0f, 0f}),
        new float[] {0f, 0.1f, 0f});
  }

  static Features features(String commentId, String thread, long specHash, List<Integer> ids, List<String> terms,
      long eventTime) {
    return Features.newBuilder()
        .setCommentId(commentId)
        .setThread(thread)
        .setLanguage("en")
        .setFeatureIds(ids)
        .setTerms(terms)
        .setTextLength(20)
        .setSpecHash(specHash)
        .setEventTime(eventTime)
        .setIngestTime(eventTime + 5)
        .setFeatureTime(eventTime + 10)
        .build();
  }

  static Features positive(String commentId, String thread, long eventTime) {
    return features(commentId, thread, SPEC, List.of(1, 3, 1), List.of("good", "flight", "good"), eventTime);
  }

  static Features negative(String commentId, String thread, long eventTime) {
    return features(commentId, thread, SPEC, List.of(2, 3), List.of("late", "flight"), eventTime);
  }
}
