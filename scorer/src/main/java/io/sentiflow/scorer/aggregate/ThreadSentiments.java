package io.sentiflow.scorer.aggregate;

import io.sentiflow.avro.SentimentScore;
import io.sentiflow.avro.ThreadSentiment;

/** Pure arithmetic of the per-thread window aggregate: one score as a window of one, and the merge of two. */
public final class ThreadSentiments {

  private ThreadSentiments() {}

  /** An empty aggregate for a thread; window bounds are filled in when it is read out of its window. */
  public static ThreadSentiment empty(String thread) {
    return new ThreadSentiment(thread, 0L, 0L, 0L, 0L, 0L, 0L, 0.0);
  }

  /** One score as an aggregate of one comment: its class counted, its P(POSITIVE) - P(NEGATIVE) as the mean. */
  public static ThreadSentiment of(SentimentScore score) {
    double polarity = score.getProbabilities().get(2) - score.getProbabilities().get(0);
    return new ThreadSentiment(score.getThread(), 0L, 0L, 1L,
        score.getSentiment().ordinal() == 0 ? 1L : 0L,
        score.getSentiment().ordinal() == 1 ? 1L : 0L,
        score.getSentiment().ordinal() == 2 ? 1L : 0L,
        polarity);
  }

  /** Both aggregates together; counts add, means are weighted by count. */
  public static ThreadSentiment merge(ThreadSentiment a, ThreadSentiment b) {
    long count = a.getCount() + b.getCount();
    double mean = count == 0 ? 0.0
        : (a.getMeanScore() * a.getCount() + b.getMeanScore() * b.getCount()) / count;
    return new ThreadSentiment(a.getThread(), a.getWindowStart(), a.getWindowEnd(), count,
        a.getNegative() + b.getNegative(), a.getNeutral() + b.getNeutral(), a.getPositive() + b.getPositive(),
        mean);
  }

  /** The aggregate stamped with its window. */
  public static ThreadSentiment inWindow(ThreadSentiment aggregate, String thread, long start, long end) {
    return ThreadSentiment.newBuilder(aggregate).setThread(thread).setWindowStart(start).setWindowEnd(end).build();
  }

  /** Key on {@code sentiment-by-thread}: {@code thread@windowStart}, so a later update of a window overwrites. */
  public static String key(String thread, long windowStart) {
    return thread + "@" + windowStart;
  }
}
