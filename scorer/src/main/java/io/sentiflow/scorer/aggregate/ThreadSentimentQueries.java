package io.sentiflow.scorer.aggregate;

import io.sentiflow.avro.ThreadSentiment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Reads the per-thread window aggregates this instance holds. "Now" is event time: the newest
 * window any thread has, so a replay of old comments reads the way a live stream would.
 */
public final class ThreadSentimentQueries {

  private final ReadOnlyWindowStore<String, ThreadSentiment> store;
  private final long windowMs;

  public ThreadSentimentQueries(ReadOnlyWindowStore<String, ThreadSentiment> store, Duration window) {
    this.store = store;
    this.windowMs = window.toMillis();
  }

  /** The thread's windows that start in [from, to], oldest first. */
  public List<ThreadSentiment> windows(String thread, Instant from, Instant to) {
    List<ThreadSentiment> out = new ArrayList<>();
    try (WindowStoreIterator<ThreadSentiment> it = store.fetch(thread, from, to)) {
      it.forEachRemaining(kv -> out.add(ThreadSentiments.inWindow(kv.value, thread, kv.key, kv.key + windowMs)));
    }
    return out;
  }

  /** The thread's newest {@code limit} windows, newest first. */
  public List<ThreadSentiment> recentWindows(String thread, int limit) {
    List<ThreadSentiment> out = new ArrayList<>();
    try (WindowStoreIterator<ThreadSentiment> it = store.backwardFetch(thread, Instant.EPOCH, Instant.ofEpochMilli(Long.MAX_VALUE))) {
      while (it.hasNext() && out.size() < limit) {
        KeyValue<Long, ThreadSentiment> kv = it.next();
        out.add(ThreadSentiments.inWindow(kv.value, thread, kv.key, kv.key + windowMs));
      }
    }
    return out;
  }

  /** The thread's newest window, if it has one. */
  public Optional<ThreadSentiment> currentWindow(String thread) {
    return recentWindows(thread, 1).stream().findFirst();
  }

  /**
   * Threads ranked by mean sentiment, most negative first, over each thread's newest window among
   * the current and the previous one; windows with fewer than {@code minComments} are left out.
   */
  public List<ThreadSentiment> mostNegativeThreads(int limit, long minComments) {
    Map<String, ThreadSentiment> newestPerThread = new HashMap<>();
    long newestStart = Long.MIN_VALUE;
    try (KeyValueIterator<Windowed<String>, ThreadSentiment> it = store.all()) {
      while (it.hasNext()) {
        KeyValue<Windowed<String>, ThreadSentiment> kv = it.next();
        String thread = kv.key.key();
        long start = kv.key.window().start();
        newestStart = Math.max(newestStart, start);
        ThreadSentiment held = newestPerThread.get(thread);
        if (held == null || held.getWindowStart() < start) {
          newestPerThread.put(thread, ThreadSentiments.inWindow(kv.value, thread, start, start + windowMs));
        }
      }
    }
    long oldestCounted = newestStart - windowMs;
    return newestPerThread.values().stream()
        .filter(t -> t.getWindowStart() >= oldestCounted && t.getCount() >= minComments)
        .sorted(Comparator.comparingDouble(ThreadSentiment::getMeanScore))
        .limit(limit)
        .toList();
  }
}
