package io.sentiflow.learner.metrics;

import io.sentiflow.avro.PrequentialMetrics;

/**
 * Test-then-train quality over the last {@code size} examples: accuracy, macro-F1 and log-loss,
 * kept incrementally (a ring buffer and a confusion matrix), so each example costs O(1).
 *
 * <p>Macro-F1 averages over the classes that occur in the window (as label or prediction), so
 * two-class data is not penalised for the class it never uses. Macro-recall averages over the
 * classes that occur as labels only: a class that is predicted but never the label has no recall
 * to average (ops' offline {@code Classification} counts it, with recall 0, so the two differ on
 * windows where the model predicts a class absent from the labels).
 */
public final class PrequentialWindow {

  /** Probabilities are clipped here before the log, as is usual for log-loss. */
  static final double MIN_PROBABILITY = 1e-15;

  private final int size;
  private final int classes;
  private final int[] labels;
  private final int[] predictions;
  private final double[] losses;
  private final long[][] confusion;
  private int filled;
  private int next;
  private double lossSum;

  public PrequentialWindow(int size, int classes) {
    if (size < 1) {
      throw new IllegalArgumentException("window size must be positive");
    }
    this.size = size;
    this.classes = classes;
    this.labels = new int[size];
    this.predictions = new int[size];
    this.losses = new double[size];
    this.confusion = new long[classes][classes];
  }

  /** Records one prediction made before the model learned from the example. */
  public void add(int label, float[] probabilities) {
    int predicted = argmax(probabilities);
    double loss = -Math.log(Math.max(probabilities[label], MIN_PROBABILITY));
    if (filled == size) {
      confusion[labels[next]][predictions[next]]--;
      lossSum -= losses[next];
    } else {
      filled++;
    }
    labels[next] = label;
    predictions[next] = predicted;
    losses[next] = loss;
    confusion[label][predicted]++;
    lossSum += loss;
    next = (next + 1) % size;
  }

  private static int argmax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  public boolean full() {
    return filled == size;
  }

  public double accuracy() {
    if (filled == 0) {
      return 0;
    }
    long correct = 0;
    for (int c = 0; c < classes; c++) {
      correct += confusion[c][c];
    }
    return (double) correct / filled;
  }

  public double macroF1() {
    double sum = 0;
    int present = 0;
    for (int c = 0; c < classes; c++) {
      long tp = confusion[c][c];
      long fn = rowSum(c) - tp;
      long fp = columnSum(c) - tp;
      if (tp + fn + fp > 0) {
        sum += 2.0 * tp / (2.0 * tp + fp + fn);
        present++;
      }
    }
    return present == 0 ? 0 : sum / present;
  }

  /**
   * Mean recall over the classes that occur as labels in the window; classes only predicted are
   * left out (see the class comment).
   */
  public double macroRecall() {
    double sum = 0;
    int present = 0;
    for (int c = 0; c < classes; c++) {
      if (rowSum(c) > 0) {
        sum += recall(c);
        present++;
      }
    }
    return present == 0 ? 0 : sum / present;
  }

  /** Share of the window's predictions of {@code cls} that were right (0 when never predicted). */
  public double precision(int cls) {
    long predicted = columnSum(cls);
    return predicted == 0 ? 0 : (double) confusion[cls][cls] / predicted;
  }

  /** Share of the window's examples of {@code cls} predicted as such (0 when absent). */
  public double recall(int cls) {
    long actual = rowSum(cls);
    return actual == 0 ? 0 : (double) confusion[cls][cls] / actual;
  }

  public double logLoss() {
    // Adding and subtracting doubles can leave a tiny negative residue once the window empties of loss.
    return filled == 0 ? 0 : Math.max(0, lossSum) / filled;
  }

  private long rowSum(int label) {
    long sum = 0;
    for (long v : confusion[label]) {
      sum += v;
    }
    return sum;
  }

  private long columnSum(int predicted) {
    long sum = 0;
    for (long[] row : confusion) {
      sum += row[predicted];
    }
    return sum;
  }

  /**
   * The window's examples, oldest first, and its running loss sum, from which {@link #restore}
   * continues it bit for bit after a restart.
   */
  public record Contents(int[] labels, int[] predictions, double[] losses, double lossSum) {}

  public Contents contents() {
    int[] orderedLabels = new int[filled];
    int[] orderedPredictions = new int[filled];
    double[] orderedLosses = new double[filled];
    int oldest = filled == size ? next : 0;
    for (int i = 0; i < filled; i++) {
      int slot = (oldest + i) % size;
      orderedLabels[i] = labels[slot];
      orderedPredictions[i] = predictions[slot];
      orderedLosses[i] = losses[slot];
    }
    return new Contents(orderedLabels, orderedPredictions, orderedLosses, lossSum);
  }

  /**
   * A window of {@code size} holding {@code contents}. When they hold more examples than fit (the
   * window was made smaller), the oldest are dropped and the loss sum is added up afresh.
   */
  public static PrequentialWindow restore(int size, int classes, Contents contents) {
    PrequentialWindow window = new PrequentialWindow(size, classes);
    int count = contents.labels().length;
    int skip = Math.max(0, count - size);
    for (int i = skip; i < count; i++) {
      int slot = window.filled;
      window.labels[slot] = contents.labels()[i];
      window.predictions[slot] = contents.predictions()[i];
      window.losses[slot] = contents.losses()[i];
      window.confusion[contents.labels()[i]][contents.predictions()[i]]++;
      window.filled++;
      window.lossSum += contents.losses()[i];
    }
    window.next = window.filled % size;
    if (skip == 0) {
      window.lossSum = contents.lossSum();
    }
    return window;
  }

  public PrequentialMetrics toAvro(long examplesSeen) {
    return PrequentialMetrics.newBuilder()
        .setExamplesSeen(examplesSeen)
        .setWindow(filled)
        .setAccuracy(accuracy())
        .setMacroF1(macroF1())
        .setLogLoss(logLoss())
        .build();
  }
}
