package io.sentiflow.ingest.replay;

import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Interleaves comments (in event-time order) with their delayed labels: each labelled comment is
 * kept with probability {@code labelledFraction} and its label is due {@link LabelDelay} later;
 * a pending label goes out before the first comment that is later than it, so every label follows
 * its comment and the merged stream is in event-time order. Deterministic for a given seed.
 */
final class EventSchedule implements Iterator<ReplayEvent> {

  private record Pending(long sequence, ReplayEvent.LabelEvent label) {}

  private final Iterator<DatasetRecord> comments;
  private final LabelDelay delay;
  private final double labelledFraction;
  private final SplittableRandom random;
  private final PriorityQueue<Pending> pending = new PriorityQueue<>(
      Comparator.comparingLong((Pending p) -> p.label().labelTime()).thenComparingLong(Pending::sequence));
  private DatasetRecord nextComment;
  private long sequence;

  /** {@code labelledFraction} within [0, 1], as {@link ReplayConfig} checks. */
  EventSchedule(Iterator<DatasetRecord> comments, LabelDelay delay, double labelledFraction, long seed) {
    this.comments = comments;
    this.delay = delay;
    this.labelledFraction = labelledFraction;
    this.random = new SplittableRandom(seed);
  }

  @Override
  public boolean hasNext() {
    return nextComment != null || comments.hasNext() || !pending.isEmpty();
  }

  @Override
  public ReplayEvent next() {
    if (nextComment == null && comments.hasNext()) {
      nextComment = comments.next();
    }
    if (!pending.isEmpty() && (nextComment == null || pending.peek().label().labelTime() <= nextComment.eventTime())) {
      return pending.poll().label();
    }
    if (nextComment == null) {
      throw new NoSuchElementException();
    }
    DatasetRecord comment = nextComment;
    nextComment = null;
    scheduleLabel(comment);
    return new ReplayEvent.CommentEvent(comment);
  }

  private void scheduleLabel(DatasetRecord comment) {
    // With a fraction of 0 no label is ever kept, so the draws would be wasted on every comment.
    if (comment.label() == null || labelledFraction == 0) {
      return;
    }
    // Draw both numbers for every labelled comment so the fraction does not shift the delays.
    boolean keep = random.nextDouble() < labelledFraction;
    long delayMillis = delay.sampleMillis(random);
    if (keep) {
      pending.add(new Pending(sequence++, new ReplayEvent.LabelEvent(comment.id(), comment.label(),
          comment.eventTime(), comment.eventTime() + delayMillis)));
    }
  }
}
