package io.sentiflow.scorer;

import io.sentiflow.avro.Rejected;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.Rejections;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the input record whose processing threw to {@code rejected} (stage {@code scorer}, the
 * failing processor and the exception as the reason) and goes on with the next record. Streams'
 * default would kill the stream thread; its replacement re-reads the same record and dies again,
 * so the partition would stall for good. Streams' own exceptions, such as a failed send surfacing
 * in whichever processor sends next, still fail the thread: they are no fault of the record.
 */
public final class DeadLetteringProcessingExceptionHandler implements ProcessingExceptionHandler {

  /** Streams setting naming the topic dead letters go to. */
  public static final String REJECTED_TOPIC_CONFIG = "sentiflow.scorer.rejected.topic";

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetteringProcessingExceptionHandler.class);

  private String rejectedTopic;

  @Override
  public void configure(Map<String, ?> configs) {
    rejectedTopic = (String) Objects.requireNonNull(configs.get(REJECTED_TOPIC_CONFIG), REJECTED_TOPIC_CONFIG);
  }

  @Override
  public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    if (exception instanceof StreamsException) {
      // Streams' own failure (a send or a store failed), not this record's: a new thread retries it
      return Response.fail();
    }
    // a punctuation has no input record, hence no topic
    String source = context.topic() == null ? "punctuation" : context.topic();
    LOG.error("processor {} failed on {}-{} at offset {}; sending the input to {}", context.processorNodeId(),
        source, context.partition(), context.offset(), rejectedTopic, exception);
    Rejected rejected = Rejections.of(source, ScoringProcessor.STAGE,
        "processor " + context.processorNodeId() + " failed: " + exception, context.sourceRawKey(),
        context.sourceRawValue());
    return Response.resume(List.of(new ProducerRecord<>(rejectedTopic, source.getBytes(StandardCharsets.UTF_8),
        Codecs.REJECTED.encode(rejected))));
  }
}
