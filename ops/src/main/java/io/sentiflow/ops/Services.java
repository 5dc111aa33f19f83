package io.sentiflow.ops;

import java.util.concurrent.CountDownLatch;

/** Keeps a long-running service in the foreground until the process is asked to stop. */
final class Services {

  private Services() {}

  /** Blocks until SIGTERM/SIGINT, then runs {@code stop} (closing the service) before the JVM exits. */
  static void runUntilStopped(AutoCloseable service) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        service.close();
      } catch (Exception e) {
        System.err.println("error while stopping: " + e);
      } finally {
        stopped.countDown();
      }
    }, "service-shutdown"));
    stopped.await();
  }
}
