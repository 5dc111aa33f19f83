package io.sentiflow.scorer;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentiflow.avro.Rejected;
import io.sentiflow.schemas.Codecs;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler.Response;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler.Result;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class DeadLetteringProcessingExceptionHandlerTest {

  private final DeadLetteringProcessingExceptionHandler handler = new DeadLetteringProcessingExceptionHandler();
  private final Record<String, String> record = new Record<>("c1", "value", 1_000);

  DeadLetteringProcessingExceptionHandlerTest() {
    handler.configure(Map.of(DeadLetteringProcessingExceptionHandler.REJECTED_TOPIC_CONFIG, "my-rejected"));
  }

  @Test
  void aRecordAProcessorThrowsOnIsDeadLetteredAndProcessingResumes() {
    Response response = handler.handleError(context(), record, new IllegalStateException("boom"));

    assertThat(response.result()).isEqualTo(Result.RESUME);
    assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(dead -> {
      assertThat(dead.topic()).isEqualTo("my-rejected");
      assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("labels");
      Rejected rejected = Codecs.REJECTED.decode(dead.value());
      assertThat(rejected.getSource()).isEqualTo("labels");
      assertThat(rejected.getStage()).isEqualTo("scorer");
      assertThat(rejected.getReason()).contains("meet-label").contains("boom");
      assertThat(rejected.getOriginal().array()).isEqualTo("raw".getBytes(StandardCharsets.UTF_8));
    });
  }

  @Test
  void streamsOwnFailuresStillFailTheThread() {
    Response response = handler.handleError(context(), record, new StreamsException("a send failed"));

    assertThat(response.result()).isEqualTo(Result.FAIL);
    assertThat(response.deadLetterQueueRecords()).isEmpty();
  }

  private static ErrorHandlerContext context() {
    return new ErrorHandlerContext() {
      @Override
      public String topic() {
        return "labels";
      }

      @Override
      public int partition() {
        return 0;
      }

      @Override
      public long offset() {
        return 7;
      }

      @Override
      public Headers headers() {
        return new RecordHeaders();
      }

      @Override
      public String processorNodeId() {
        return "meet-label";
      }

      @Override
      public TaskId taskId() {
        return new TaskId(0, 0);
      }

      @Override
      public long timestamp() {
        return 1_000;
      }

      @Override
      public byte[] sourceRawKey() {
        return "c1".getBytes(StandardCharsets.UTF_8);
      }

      @Override
      public byte[] sourceRawValue() {
        return "raw".getBytes(StandardCharsets.UTF_8);
      }
    };
  }
}
