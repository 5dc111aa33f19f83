package io.sentiflow.features;

import io.sentiflow.avro.Label;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.InvalidRecordException;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** Decodes labels; bytes that are not a label go to the dead-letter output. */
public class DecodeLabels extends ProcessFunction<KafkaBytes, LabelEvent> {

  private static final long serialVersionUID = 1L;

  private final OutputTag<DeadLetter> rejected;
  private transient Counter rejectedCount;

  public DecodeLabels(OutputTag<DeadLetter> rejected) {
    this.rejected = rejected;
  }

  @Override
  public void open(OpenContext openContext) {
    rejectedCount = getRuntimeContext().getMetricGroup().counter("labelsRejected");
  }

  @Override
  public void processElement(KafkaBytes record, Context ctx, Collector<LabelEvent> out) {
    Label label;
    try {
      label = Codecs.LABEL.decode(record.value);
      if (label.getCommentId() == null || label.getCommentId().isBlank()) {
        throw new InvalidRecordException("label without a comment id");
      }
    } catch (InvalidRecordException e) {
      rejectedCount.inc();
      ctx.output(rejected, new DeadLetter(record, e.getMessage()));
      return;
    }
    out.collect(LabelEvent.of(label));
  }
}
