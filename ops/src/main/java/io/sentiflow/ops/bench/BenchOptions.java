package io.sentiflow.ops.bench;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every bench shares. */
final class BenchOptions {

  @Option(names = "--runs", defaultValue = "3",
      description = "Measured runs; figures are their medians (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--data-dir",
      description = "Directory of the shared datasets (default: -Dsentiflow.data.dir, else ../shared/data).")
  Path dataDir;

  Path dataDir() {
    return dataDir != null ? dataDir : Path.of(System.getProperty("sentiflow.data.dir", "../shared/data"));
  }

  void checkRuns() {
    if (runs < 1) {
      throw new IllegalArgumentException("--runs must be at least 1");
    }
  }

  /** Progress goes to stderr so stdout ends with the JSON line alone. */
  static void progress(String line) {
    System.err.println("[bench] " + line);
  }
}
