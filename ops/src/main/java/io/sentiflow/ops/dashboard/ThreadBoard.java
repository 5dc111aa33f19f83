package io.sentiflow.ops.dashboard;

import io.sentiflow.avro.ThreadSentiment;
import io.sentiflow.ops.dashboard.DashboardSnapshot.ThreadPoint;
import io.sentiflow.ops.dashboard.DashboardSnapshot.ThreadSeries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-thread sentiment over time from the windowed aggregates. The scorer re-emits a window as it
 * fills, so a window is replaced, not added. Threads come and go (hashtags), so only the threads
 * with the newest windows are tracked, and the busiest of those are charted.
 */
final class ThreadBoard {

  /** Threads tracked at most; the one whose newest window is oldest is forgotten first. */
  static final int MAX_THREADS_TRACKED = 256;

  private final int windowsPerThread;
  private final int threadsShown;
  private final Map<String, TreeMap<Long, ThreadSentiment>> byThread = new HashMap<>();

  ThreadBoard(DashboardConfig config) {
    this.windowsPerThread = config.threadWindows();
    this.threadsShown = config.threadsShown();
  }

  synchronized void onWindow(ThreadSentiment window) {
    TreeMap<Long, ThreadSentiment> windows = byThread.computeIfAbsent(window.getThread(), t -> new TreeMap<>());
    windows.put(window.getWindowStart(), window);
    while (windows.size() > windowsPerThread) {
      windows.pollFirstEntry();
    }
    if (byThread.size() > MAX_THREADS_TRACKED) {
      byThread.entrySet().stream()
          .min(Comparator.comparingLong(e -> e.getValue().lastKey()))
          .map(Map.Entry::getKey)
          .ifPresent(byThread::remove);
    }
  }

  synchronized List<ThreadSeries> busiest() {
    List<ThreadSeries> all = new ArrayList<>(byThread.size());
    byThread.forEach((thread, windows) -> {
      long total = 0;
      List<ThreadPoint> points = new ArrayList<>(windows.size());
      for (ThreadSentiment w : windows.values()) {
        total += w.getCount();
        points.add(new ThreadPoint(w.getWindowStart(), w.getMeanScore(), w.getCount()));
      }
      all.add(new ThreadSeries(thread, total, points));
    });
    all.sort(Comparator.comparingLong(ThreadSeries::comments).reversed().thenComparing(ThreadSeries::thread));
    return List.copyOf(all.subList(0, Math.min(threadsShown, all.size())));
  }
}
