package io.sentiflow.learner.metrics;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Decides whether a new version may be served: not when its windowed prequential accuracy is more
 * than {@code maxDrop} below the best of the last {@code versions} versions. The history holds
 * every version, served or not, so after a lasting shift the bar follows the data down within
 * {@code versions} versions instead of holding the model back forever.
 */
public final class QualityGate {

  private final double maxDrop;
  private final int versions;
  private final Deque<Double> recent = new ArrayDeque<>();

  public QualityGate(double maxDrop, int versions) {
    this(maxDrop, versions, new double[0]);
  }

  /** A gate that continues from {@code recentAccuracies} (oldest first), as a restarted learner's does. */
  public QualityGate(double maxDrop, int versions, double[] recentAccuracies) {
    this.maxDrop = maxDrop;
    this.versions = versions;
    for (int i = Math.max(0, recentAccuracies.length - versions); i < recentAccuracies.length; i++) {
      recent.addLast(recentAccuracies[i]);
    }
  }

  /** The accuracies that set the bar, oldest first. */
  public double[] recentAccuracies() {
    return recent.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * Judges the next version. Until its metrics window is full the evidence is too thin to hold a
   * version back, and such versions do not set the bar either.
   */
  public boolean servable(double accuracy, boolean windowFull) {
    if (!windowFull) {
      return true;
    }
    double best = recent.stream().mapToDouble(Double::doubleValue).max().orElse(accuracy);
    recent.addLast(accuracy);
    if (recent.size() > versions) {
      recent.removeFirst();
    }
    return accuracy >= best - maxDrop;
  }
}
