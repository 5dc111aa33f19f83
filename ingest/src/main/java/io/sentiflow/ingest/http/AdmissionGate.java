package io.sentiflow.ingest.http;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Decides whether a request may hand more records to Kafka. Records in flight (accepted, not yet
 * acknowledged) are bounded, so a slow Kafka turns into 429 for callers rather than a growing
 * buffer; after Kafka failed, requests are turned away with 503 until a retry interval has passed,
 * when one request is let through to probe it.
 */
final class AdmissionGate {

  enum Decision { ADMIT, BUSY, UNAVAILABLE }

  private final Semaphore inFlight;
  private final long probeIntervalNanos;
  private final LongSupplier nanoClock;
  private volatile boolean kafkaFailing;
  /** When Kafka last failed or was last probed: the start of the current fail-fast interval. */
  private final AtomicLong intervalStartNanos = new AtomicLong();

  AdmissionGate(int maxInFlightRecords, long probeIntervalNanos, LongSupplier nanoClock) {
    this.inFlight = new Semaphore(maxInFlightRecords);
    this.probeIntervalNanos = probeIntervalNanos;
    this.nanoClock = nanoClock;
  }

  /** ADMIT holds {@code records} permits, to be given back with {@link #release}. */
  Decision tryAdmit(int records) {
    if (kafkaFailing && !claimProbe()) {
      return Decision.UNAVAILABLE;
    }
    if (!inFlight.tryAcquire(records)) {
      return kafkaFailing ? Decision.UNAVAILABLE : Decision.BUSY;
    }
    return Decision.ADMIT;
  }

  /**
   * True for the one caller that moves the interval start to now once the interval has passed;
   * concurrent callers lose the compare-and-set and keep failing fast.
   */
  private boolean claimProbe() {
    long start = intervalStartNanos.get();
    long now = nanoClock.getAsLong();
    return now - start >= probeIntervalNanos && intervalStartNanos.compareAndSet(start, now);
  }

  void release(int records) {
    if (records > 0) {
      inFlight.release(records);
    }
  }

  void kafkaAcknowledged() {
    // Called for every record: reading first spares a shared write while Kafka is healthy.
    if (kafkaFailing) {
      kafkaFailing = false;
    }
  }

  void kafkaFailed() {
    intervalStartNanos.set(nanoClock.getAsLong());
    kafkaFailing = true;
  }

  boolean kafkaFailing() {
    return kafkaFailing;
  }

  int available() {
    return inFlight.availablePermits();
  }
}
