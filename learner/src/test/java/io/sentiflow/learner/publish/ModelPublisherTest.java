package io.sentiflow.learner.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentiflow.avro.Rejected;
import io.sentiflow.schemas.Rejections;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * The publisher's transaction bookkeeping when an abort fails. A broker cannot be made to time out
 * a commit on cue, so Kafka's producer is stood in for by its MockProducer, told to throw what
 * the real one throws.
 */
class ModelPublisherTest {

  private final List<MockProducer<byte[], byte[]>> producers = new ArrayList<>();
  private final ModelPublisher publisher = new ModelPublisher(() -> {
    MockProducer<byte[], byte[]> producer =
        new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    producers.add(producer);
    return producer;
  }, "m");

  @Test
  void aProducerThatCannotAbortIsReplacedAndTheNextTransactionCommits() {
    publisher.initTransactions();
    publisher.reject(deadLetter());
    // What KafkaProducer throws once a commit timed out: only a retried commit is allowed.
    producers.get(0).abortTransactionException = new IllegalStateException(
        "Cannot attempt operation `abortTransaction` because the previous call to `commitTransaction` timed out"
            + " and must be retried");

    publisher.abort();

    assertThat(producers).hasSize(2);
    assertThat(producers.get(0).closed()).isTrue();
    assertThat(producers.get(1).transactionInitialized()).as("the new epoch fences the old one").isTrue();
    publisher.reject(deadLetter());
    publisher.commit(Map.of(), new ConsumerGroupMetadata("g"));
    assertThat(producers.get(1).transactionCommitted()).isTrue();
    assertThat(producers.get(1).history()).hasSize(1);
  }

  @Test
  void aFencedPublisherLeavesTheProducerToTheLearnerThatFencedIt() {
    publisher.initTransactions();
    publisher.reject(deadLetter());
    producers.get(0).abortTransactionException = new ProducerFencedException("another learner took over");

    assertThatThrownBy(publisher::abort).isInstanceOf(ProducerFencedException.class);
    assertThat(producers).as("no new producer that would fence the successor").hasSize(1);
  }

  private static Rejected deadLetter() {
    byte[] bytes = "x".getBytes(StandardCharsets.UTF_8);
    return Rejections.of("training-examples", "learner", "test", bytes, bytes);
  }
}
