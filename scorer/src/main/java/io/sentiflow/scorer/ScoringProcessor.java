package io.sentiflow.scorer;

import io.sentiflow.avro.Features;
import io.sentiflow.avro.SentimentScore;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.InvalidRecordException;
import io.sentiflow.schemas.Rejections;
import io.sentiflow.schemas.model.ModelWeights;
import io.sentiflow.scorer.ScorerMetrics.RefusalKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores each {@code features} record with the model served at that instant (a volatile read, so
 * a model swap never pauses scoring), drops comment ids already scored from another record, and
 * turns anything it cannot score into a dead letter.
 */
final class ScoringProcessor implements FixedKeyProcessor<String, byte[], ScoreOutcome> {

  private static final Logger LOG = LoggerFactory.getLogger(ScoringProcessor.class);
  static final String STAGE = "scorer";

  private final String featuresTopic;
  private final Supplier<ModelWeights> model;
  private final int topK;
  private final Duration dedupRetention;
  private final ScorerMetrics metrics;
  private final Set<String> reportedMismatches = new HashSet<>();
  private FixedKeyProcessorContext<String, ScoreOutcome> context;
  private ServedPredictions served;

  ScoringProcessor(String featuresTopic, Supplier<ModelWeights> model, int topK, Duration dedupRetention,
      ScorerMetrics metrics) {
    this.featuresTopic = featuresTopic;
    this.model = model;
    this.topK = topK;
    this.dedupRetention = dedupRetention;
    this.metrics = metrics;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, ScoreOutcome> context) {
    this.context = context;
    this.served = new ServedPredictions(context.getStateStore(ServedPredictions.STORE));
    context.schedule(ServedPredictions.sweepInterval(dedupRetention), PunctuationType.STREAM_TIME,
        streamTime -> served.forgetBefore(streamTime - dedupRetention.toMillis()));
  }

  @Override
  public void process(FixedKeyRecord<String, byte[]> record) {
    Features features;
    try {
      features = Codecs.FEATURES.decode(record.value());
    } catch (InvalidRecordException e) {
      refuse(record, RefusalKind.UNDECODABLE, e.getMessage());
      return;
    }
    long offset = context.recordMetadata().map(RecordMetadata::offset).orElse(ServedPredictions.UNKNOWN_OFFSET);
    long[] earlier = served.find(features.getCommentId());
    // The served store is written before the score is sent and, at least once, restored past the last
    // commit: this very record may have been remembered while its score never reached `scores`.
    boolean rescore = earlier != null && ServedPredictions.servedFrom(earlier, offset);
    if (earlier != null && !rescore) {
      metrics.duplicate();
      return;
    }
    ModelWeights current = model.get();
    String refusal = FeatureScorer.refusal(features, current);
    if (refusal != null) {
      RefusalKind kind = current == null ? RefusalKind.NO_MODEL
          : features.getSpecHash() != current.specHash() ? RefusalKind.SPEC_MISMATCH : RefusalKind.INVALID;
      if (kind == RefusalKind.SPEC_MISMATCH
          && reportedMismatches.add(features.getSpecHash() + "/" + current.specHash())) {
        LOG.error("refusing features of comment {} (further ones with the same specs are rejected quietly): {}",
            features.getCommentId(), refusal);
      }
      refuse(record, kind, refusal);
      return;
    }
    SentimentScore score;
    try {
      score = FeatureScorer.score(features, current, topK, context.currentSystemTimeMs());
    } catch (RuntimeException e) {
      LOG.error("cannot score comment {}", features.getCommentId(), e);
      refuse(record, RefusalKind.INVALID, "scoring failed: " + e);
      return;
    }
    if (rescore) {
      context.forward(record.<ScoreOutcome>withValue(new ScoreOutcome.Rescored(score))
          .withTimestamp(features.getEventTime()));
      return;
    }
    served.remember(features.getCommentId(), features.getEventTime(), current.version(),
        score.getSentiment().ordinal(), offset);
    metrics.scored(score, features.getFeatureTime());
    context.forward(record.<ScoreOutcome>withValue(new ScoreOutcome.Scored(features, score, current))
        .withTimestamp(features.getEventTime()));
  }

  private void refuse(FixedKeyRecord<String, byte[]> record, RefusalKind kind, String reason) {
    metrics.refused(kind);
    byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
    context.forward(record.<ScoreOutcome>withValue(new ScoreOutcome.Refused(
        Rejections.of(featuresTopic, STAGE, reason, key, record.value()))));
  }
}
