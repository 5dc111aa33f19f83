package io.sentiflow.ops.dashboard;

import io.sentiflow.ops.dashboard.DashboardSnapshot.Point;
import java.util.ArrayDeque;
import java.util.List;

/** The newest points of one chart line; the oldest drop off. Not thread-safe: its owner locks. */
final class Series {

  private final int capacity;
  private final ArrayDeque<Point> points;

  Series(int capacity) {
    this.capacity = capacity;
    this.points = new ArrayDeque<>(capacity);
  }

  void add(long x, double y) {
    if (points.size() == capacity) {
      points.removeFirst();
    }
    points.addLast(new Point(x, y));
  }

  List<Point> points() {
    return List.copyOf(points);
  }
}
