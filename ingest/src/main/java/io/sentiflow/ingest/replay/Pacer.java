package io.sentiflow.ingest.replay;

/**
 * Works out when (on a nanosecond clock that starts at 0) each replay event is due, for a
 * {@link Pacing}. Pure: the caller owns the clock and the waiting.
 */
final class Pacer {

  private final Pacing pacing;
  private long commentsScheduled;
  private boolean started;
  private long lastEventTime;
  private long lastDueNanos;

  Pacer(Pacing pacing) {
    this.pacing = pacing;
  }

  /** Nanoseconds after the start at which {@code event} may be written; never earlier than the previous event. */
  long dueNanos(ReplayEvent event) {
    if (pacing instanceof Pacing.FixedRate rate) {
      if (event instanceof ReplayEvent.CommentEvent) {
        lastDueNanos = Math.round(commentsScheduled++ * 1e9 / rate.commentsPerSecond());
      }
      return lastDueNanos;
    }
    if (pacing instanceof Pacing.CompressedRealTime compressed) {
      return compressed(event.eventTime(), compressed);
    }
    return 0L;
  }

  private long compressed(long eventTime, Pacing.CompressedRealTime compressed) {
    if (!started) {
      started = true;
      lastEventTime = eventTime;
      return lastDueNanos;
    }
    long gapMillis = Math.max(0L, eventTime - lastEventTime);
    long gapNanos = Math.min(Math.round(gapMillis * 1e6 / compressed.speedUp()), compressed.maxPause().toNanos());
    lastEventTime = Math.max(lastEventTime, eventTime);
    lastDueNanos += gapNanos;
    return lastDueNanos;
  }
}
