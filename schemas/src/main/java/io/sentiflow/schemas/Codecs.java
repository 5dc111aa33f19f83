package io.sentiflow.schemas;

import io.sentiflow.avro.Comment;
import io.sentiflow.avro.DriftAlert;
import io.sentiflow.avro.Features;
import io.sentiflow.avro.Label;
import io.sentiflow.avro.LearnerState;
import io.sentiflow.avro.ModelChunk;
import io.sentiflow.avro.ModelUpdate;
import io.sentiflow.avro.OptimizerRow;
import io.sentiflow.avro.Rejected;
import io.sentiflow.avro.SentimentScore;
import io.sentiflow.avro.ThreadSentiment;
import io.sentiflow.avro.TrainingExample;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/** One codec per record type that travels on a topic. */
public final class Codecs {

  public static final AvroCodec<Comment> COMMENT = codec(Comment.class, Comment.getClassSchema());
  public static final AvroCodec<Label> LABEL = codec(Label.class, Label.getClassSchema());
  public static final AvroCodec<Features> FEATURES = codec(Features.class, Features.getClassSchema());
  public static final AvroCodec<TrainingExample> TRAINING_EXAMPLE =
      codec(TrainingExample.class, TrainingExample.getClassSchema());
  public static final AvroCodec<ModelUpdate> MODEL_UPDATE =
      codec(ModelUpdate.class, ModelUpdate.getClassSchema());
  public static final AvroCodec<ModelChunk> MODEL_CHUNK = codec(ModelChunk.class, ModelChunk.getClassSchema());
  public static final AvroCodec<LearnerState> LEARNER_STATE =
      codec(LearnerState.class, LearnerState.getClassSchema());
  public static final AvroCodec<OptimizerRow> OPTIMIZER_ROW =
      codec(OptimizerRow.class, OptimizerRow.getClassSchema());
  public static final AvroCodec<SentimentScore> SENTIMENT_SCORE =
      codec(SentimentScore.class, SentimentScore.getClassSchema());
  public static final AvroCodec<ThreadSentiment> THREAD_SENTIMENT =
      codec(ThreadSentiment.class, ThreadSentiment.getClassSchema());
  public static final AvroCodec<DriftAlert> DRIFT_ALERT = codec(DriftAlert.class, DriftAlert.getClassSchema());
  public static final AvroCodec<Rejected> REJECTED = codec(Rejected.class, Rejected.getClassSchema());

  private Codecs() {}

  private static <T extends SpecificRecord> AvroCodec<T> codec(Class<T> type, Schema schema) {
    return new AvroCodec<>(type, schema, SchemaHistory.versionsOf(schema.getName()));
  }
}
