package io.sentiflow.ops;

import io.sentiflow.learner.LearnerStatus;
import java.io.PrintStream;
import java.util.Locale;

/**
 * One live progress line: rewritten in place on a terminal, printed every few seconds otherwise
 * (so logs and CI output stay readable).
 */
final class ProgressLine {

  private static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;

  private final PrintStream out;
  private final boolean terminal = System.console() != null;
  private volatile long commentsIn;
  private long lastPrinted;
  private String lastLine = "";

  ProgressLine(PrintStream out) {
    this.out = out;
  }

  void commentsIn(long comments) {
    commentsIn = comments;
  }

  void update(long scored, LearnerStatus learner) {
    lastLine = String.format(Locale.ROOT,
        "comments in %,d | scored %,d | trained %,d | model v%d | prequential accuracy %.3f",
        commentsIn, scored, learner.trainedExamples(), learner.modelVersion(), learner.prequentialAccuracy());
    long now = System.nanoTime();
    if (terminal) {
      out.print("\r" + lastLine + "   ");
      out.flush();
    } else if (now - lastPrinted > PLAIN_INTERVAL_NANOS) {
      out.println(lastLine);
      lastPrinted = now;
    }
  }

  void finish() {
    out.println(terminal ? "" : lastLine);
  }
}
