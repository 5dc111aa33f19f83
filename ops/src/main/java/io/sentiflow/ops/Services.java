package io.sentiflow.ops;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Keeps a long-running service in the foreground until the process is asked to stop. */
final class Services {

  /** How long the JVM waits, once asked to stop, for what runs to close. */
  private static final long CLOSE_GRACE_SECONDS = 60;

  private Services() {}

  /** Blocks until SIGTERM/SIGINT, then closes {@code service} before the JVM exits. */
  static void runUntilStopped(AutoCloseable service) throws Exception {
    try (StopSignal stop = new StopSignal(); service) {
      stop.await();
    }
  }

  /**
   * A SIGTERM/SIGINT as something to wait for: the JVM's shutdown hook wakes {@link #await()}
   * and then holds the exit until this signal is closed, so resources closed before it (declared
   * after it in a try-with-resources) are closed by their owner, in order, rather than abandoned.
   */
  static final class StopSignal implements AutoCloseable {

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    StopSignal() {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        requested.countDown();
        try {
          released.await(CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "stop-signal"));
    }

    void await() throws InterruptedException {
      requested.await();
    }

    boolean requested() {
      return requested.getCount() == 0;
    }

    @Override
    public void close() {
      released.countDown();
    }
  }
}
