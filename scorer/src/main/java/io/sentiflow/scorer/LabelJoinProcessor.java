package io.sentiflow.scorer;

import io.sentiflow.avro.Label;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.InvalidRecordException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Meets each late label with the class served for its comment (same partition, same store as the
 * scoring processor) and emits whether that class was wrong, keyed by model id so one task watches
 * the whole error stream. Labels for comments not scored here (or forgotten) are skipped; labels
 * that do not decode are skipped too, since the feature stage dead-letters them.
 */
final class LabelJoinProcessor implements Processor<String, byte[], String, ServedError> {

  private static final Logger LOG = LoggerFactory.getLogger(LabelJoinProcessor.class);

  private final String modelId;
  private final ScorerMetrics metrics;
  private ProcessorContext<String, ServedError> context;
  private ServedPredictions served;

  LabelJoinProcessor(String modelId, ScorerMetrics metrics) {
    this.modelId = modelId;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, ServedError> context) {
    this.context = context;
    this.served = new ServedPredictions(context.getStateStore(ServedPredictions.STORE));
  }

  @Override
  public void process(Record<String, byte[]> record) {
    Label label;
    try {
      label = Codecs.LABEL.decode(record.value());
    } catch (InvalidRecordException e) {
      LOG.debug("skipping a label that does not decode: {}", e.getMessage());
      return;
    }
    long[] prediction = served.find(label.getCommentId());
    if (prediction == null) {
      return;
    }
    metrics.labelJoined();
    boolean wrong = prediction[2] != label.getSentiment().ordinal();
    context.forward(new Record<>(modelId, new ServedError(prediction[1], wrong, label.getLabelTime()),
        record.timestamp()));
  }
}
