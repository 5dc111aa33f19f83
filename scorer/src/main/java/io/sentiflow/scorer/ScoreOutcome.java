package io.sentiflow.scorer;

import io.sentiflow.avro.Features;
import io.sentiflow.avro.Rejected;
import io.sentiflow.avro.SentimentScore;
import io.sentiflow.schemas.model.ModelWeights;

/** What scoring one {@code features} record gave; passed between processors of one task, never serialized. */
sealed interface ScoreOutcome {

  /** Scored with {@code model}; the features travel along for the data-drift monitors. */
  record Scored(Features features, SentimentScore score, ModelWeights model) implements ScoreOutcome {}

  /**
   * Scored again for a record already remembered as served (replayed after a crash): the score goes
   * to {@code scores} only, an overwrite by comment id, and nothing is counted twice.
   */
  record Rescored(SentimentScore score) implements ScoreOutcome {}

  /** Refused, with the dead letter to publish. */
  record Refused(Rejected rejected) implements ScoreOutcome {}
}
