package io.sentiflow.features;

import io.sentiflow.avro.Comment;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.InvalidRecordException;
import io.sentiflow.schemas.text.FeaturizerSpec;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Decodes and featurizes comments where they are read, before the shuffle, so the expensive part
 * scales with the source parallelism. Bytes that are not a comment go to the dead-letter output.
 */
public class DecodeComments extends ProcessFunction<KafkaBytes, FeaturedComment> {

  private static final long serialVersionUID = 1L;

  private final OutputTag<DeadLetter> rejected;
  private final int bucketBits;
  private transient CommentFeaturizer featurizer;
  private transient Counter rejectedCount;

  public DecodeComments(OutputTag<DeadLetter> rejected, int bucketBits) {
    this.rejected = rejected;
    this.bucketBits = bucketBits;
  }

  @Override
  public void open(OpenContext openContext) {
    featurizer = new CommentFeaturizer(FeaturizerSpec.defaults().withBucketBits(bucketBits));
    rejectedCount = getRuntimeContext().getMetricGroup().counter("commentsRejected");
  }

  @Override
  public void processElement(KafkaBytes record, Context ctx, Collector<FeaturedComment> out) {
    FeaturedComment featured;
    try {
      Comment comment = Codecs.COMMENT.decode(record.value);
      featured = featurizer.featurize(comment, System.currentTimeMillis());
    } catch (InvalidRecordException e) {
      reject(record, e.getMessage(), ctx);
      return;
    } catch (RuntimeException e) {
      // A featurizer bug on one odd text must not stop the stream.
      reject(record, "featurization failed: " + e, ctx);
      return;
    }
    out.collect(featured);
  }

  private void reject(KafkaBytes record, String reason, Context ctx) {
    rejectedCount.inc();
    ctx.output(rejected, new DeadLetter(record, reason));
  }
}
