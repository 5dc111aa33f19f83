package io.sentiflow.ingest.replay;

/** Hears how far a replay has got; called on the replay thread, so it must return quickly. */
@FunctionalInterface
public interface ReplayListener {

  /** Called every {@link ReplayConfig#progressEvery()} comments and once at the end. */
  void onProgress(long commentsSent, long labelsSent);

  /** A listener that ignores progress. */
  static ReplayListener none() {
    return (comments, labels) -> { };
  }
}
