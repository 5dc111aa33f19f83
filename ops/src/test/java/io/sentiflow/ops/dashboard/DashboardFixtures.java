package io.sentiflow.ops.dashboard;

import io.sentiflow.avro.Comment;
import io.sentiflow.avro.DriftAlert;
import io.sentiflow.avro.DriftKind;
import io.sentiflow.avro.ModelKind;
import io.sentiflow.avro.ModelShape;
import io.sentiflow.avro.PrequentialMetrics;
import io.sentiflow.avro.Sentiment;
import io.sentiflow.avro.SentimentScore;
import io.sentiflow.avro.TermContribution;
import io.sentiflow.avro.ThreadSentiment;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.Topic;
import io.sentiflow.schemas.model.ModelCodec;
import io.sentiflow.schemas.model.ModelWeights;
import io.sentiflow.schemas.testing.KafkaCluster;
import io.sentiflow.schemas.testing.KafkaTestUtils;
import io.sentiflow.schemas.text.Featurizer;
import io.sentiflow.schemas.text.FeaturizerSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A small model whose words carry weight, and records as the pipeline's stages would write them. */
final class DashboardFixtures {

  static final ModelShape SHAPE = ModelShape.newBuilder()
      .setKind(ModelKind.EMBEDDING_BAG).setBucketBits(20).setDimension(4).setClasses(3).build();
  /** W maps hidden unit c to class c, so a word's row says which class it votes for. */
  static final float[] DENSE = {1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0};
  static final float[] BIAS = {0, 0.1f, 0};
  static final List<String> POSITIVE_WORDS = List.of("great", "love", "thanks", "awesome", "best");
  static final List<String> NEGATIVE_WORDS = List.of("delayed", "worst", "cancelled", "lost", "rude");

  private static final Featurizer FEATURIZER = new Featurizer(FeaturizerSpec.defaults());

  private DashboardFixtures() {}

  private static PrequentialMetrics metrics(long examplesSeen, double accuracy) {
    return PrequentialMetrics.newBuilder().setExamplesSeen(examplesSeen).setWindow(1000).setAccuracy(accuracy)
        .setMacroF1(accuracy - 0.05).setLogLoss(1 - accuracy).build();
  }

  /** Version 1 of {@code modelId}: sentiment words pull towards their class. */
  static ModelWeights model(String modelId, double accuracy) {
    ModelWeights initial = ModelWeights.initial(modelId, 0, SHAPE, FeaturizerSpec.defaults().hash(), DENSE, BIAS,
        System.currentTimeMillis());
    Map<Integer, float[]> rows = new HashMap<>();
    POSITIVE_WORDS.forEach(w -> rows.put(FEATURIZER.bucketOf(w), new float[] {0, 0, 8, 0}));
    NEGATIVE_WORDS.forEach(w -> rows.put(FEATURIZER.bucketOf(w), new float[] {8, 0, 0, 0}));
    return initial.next(1, rows, DENSE, BIAS, true, metrics(100, accuracy), System.currentTimeMillis());
  }

  static void publishSnapshot(KafkaCluster kafka, ModelWeights model) {
    List<byte[][]> records = new ArrayList<>();
    for (var chunk : ModelCodec.toSnapshot(model, ModelCodec.DEFAULT_MAX_PAYLOAD_BYTES)) {
      records.add(new byte[][] {utf8(ModelCodec.snapshotKey(chunk)), Codecs.MODEL_CHUNK.encode(chunk)});
    }
    KafkaTestUtils.produce(kafka, Topic.MODEL_SNAPSHOTS.topicName(), records);
  }

  static Comment comment(String id, String thread, String text, long ingestTime) {
    return Comment.newBuilder().setId(id).setPlatform("twitter").setThread(thread).setAuthor("a1").setText(text)
        .setEventTime(ingestTime - 1_000).setIngestTime(ingestTime).build();
  }

  /** The score the scorer would give {@code text} with {@code model}, made {@code latencyMs} after ingest. */
  static SentimentScore score(ModelWeights model, String id, String thread, String text, long ingestTime,
      long latencyMs) {
    TryItScorer.Result r = new TryItScorer().score(model, text);
    List<Float> probabilities = new ArrayList<>();
    for (float p : r.probabilities()) {
      probabilities.add(p);
    }
    return SentimentScore.newBuilder().setCommentId(id).setThread(thread)
        .setSentiment(Sentiment.valueOf(r.sentiment())).setProbabilities(probabilities)
        .setConfidence(r.confidence()).setModelVersion(model.version())
        .setExplanation(r.explanation().stream()
            .map(t -> TermContribution.newBuilder().setTerm(t.term()).setWeight(t.weight()).build())
            .toList())
        .setEventTime(ingestTime - 1_000).setIngestTime(ingestTime).setScoreTime(ingestTime + latencyMs).build();
  }

  static ThreadSentiment threadWindow(String thread, long windowStart, long count, double meanScore) {
    long positive = Math.round(count * Math.max(0, meanScore));
    long negative = Math.round(count * Math.max(0, -meanScore));
    return ThreadSentiment.newBuilder().setThread(thread).setWindowStart(windowStart)
        .setWindowEnd(windowStart + 60_000).setCount(count).setNegative(negative).setPositive(positive)
        .setNeutral(count - positive - negative).setMeanScore(meanScore).build();
  }

  static DriftAlert driftAlert(String detector, DriftKind kind, double value, long modelVersion, long time) {
    return DriftAlert.newBuilder().setDetector(detector).setKind(kind).setStatistic("psi").setValue(value)
        .setThreshold(0.2).setWindowStart(time - 60_000).setWindowEnd(time).setModelVersion(modelVersion)
        .setAlertTime(time).build();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
