package io.sentiflow.ingest.http;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.kafka.clients.producer.Callback;

/**
 * What Kafka said about the records of one request: a slot per line, settled once when its record
 * is acknowledged or fails, and one wait for all of them. Settling a record gives its admission
 * permit back and tells the gate whether Kafka is healthy. The producer's I/O thread runs the
 * callbacks, so each does a compare-and-set and a countdown rather than completing a future.
 */
final class BatchAcks {

  private static final Object ACKNOWLEDGED = new Object();

  private final AdmissionGate gate;
  /** Per line: null while pending (or never sent), ACKNOWLEDGED, or the failure. */
  private final AtomicReferenceArray<Object> outcomes;
  /** Records handed to Kafka and not settled yet, plus one until the request has handed over all of its own. */
  private final AtomicInteger unsettled = new AtomicInteger(1);
  private final CompletableFuture<Void> allSettled = new CompletableFuture<>();

  BatchAcks(int lines, AdmissionGate gate) {
    this.gate = gate;
    this.outcomes = new AtomicReferenceArray<>(lines);
  }

  /** Line {@code index} is about to be handed to Kafka: the callback that settles it. */
  Callback expect(int index) {
    unsettled.incrementAndGet();
    return (metadata, e) -> settle(index, e);
  }

  /**
   * Settles line {@code index} once, from its callback or from a send that threw; later calls are
   * ignored.
   */
  void settle(int index, Exception failure) {
    if (!outcomes.compareAndSet(index, null, failure == null ? ACKNOWLEDGED : failure)) {
      return;
    }
    gate.release(1);
    if (failure == null) {
      gate.kafkaAcknowledged();
    } else {
      gate.kafkaFailed();
    }
    if (unsettled.decrementAndGet() == 0) {
      allSettled.complete(null);
    }
  }

  /** Line {@code index} was not handed to Kafka (an earlier one failed); it is answered as not landed. */
  void notSent(int index, String reason) {
    outcomes.set(index, new IllegalStateException("not sent: " + reason));
  }

  boolean failed(int index) {
    return outcomes.get(index) instanceof Exception;
  }

  /** Waits until every record handed to Kafka is settled, or {@code timeout} passed. */
  void awaitAll(Duration timeout) {
    if (unsettled.decrementAndGet() == 0) {
      allSettled.complete(null);
    }
    try {
      allSettled.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Records not settled by now are answered as not acknowledged in time.
    }
  }

  /** Null when line {@code index} landed, else why it is not known to have landed. */
  String failure(int index) {
    Object outcome = outcomes.get(index);
    if (outcome == ACKNOWLEDGED) {
      return null;
    }
    if (outcome == null) {
      return "Kafka did not acknowledge the record in time";
    }
    return "Kafka refused the record: " + ((Exception) outcome).getMessage();
  }
}
