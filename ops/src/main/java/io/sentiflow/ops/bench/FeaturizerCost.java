package io.sentiflow.ops.bench;

import io.sentiflow.schemas.text.Featurizer;
import io.sentiflow.schemas.text.FeaturizerSpec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * What featurizing costs per comment, two ways. {@link #nanosPerComment} runs {@link
 * FeaturizerBenchmark} through JMH with short settings: one forked JVM, so the figures do not depend
 * on what this JVM ran before, and a few one-second iterations per step; JMH reports its progress on
 * stderr, where the bench commands keep theirs. Its figures are wall-clock time, which grows when
 * other processes share the cores; {@link #cpuNanosPerComment} counts the thread's CPU time instead.
 */
final class FeaturizerCost {

  private static final int WARM_UP_ITERATIONS = 3;
  private static final int MEASURED_ITERATIONS = 5;
  /** Passes over all the texts: enough for the JIT to settle, then enough for a stable median. */
  private static final int WARM_UP_PASSES = 10;
  private static final int MEASURED_PASSES = 10;

  private FeaturizerCost() {}

  /** Mean ns per comment of each benchmark method, by method name, in the order JMH ran them. */
  static Map<String, Double> nanosPerComment(Path dataDir) throws RunnerException {
    Options options = new OptionsBuilder()
        .include(FeaturizerBenchmark.class.getName())
        .param("dataDir", dataDir.toAbsolutePath().toString())
        .forks(1)
        .jvmArgs("-Xmx1g")
        .warmupIterations(WARM_UP_ITERATIONS)
        .warmupTime(TimeValue.seconds(1))
        .measurementIterations(MEASURED_ITERATIONS)
        .measurementTime(TimeValue.seconds(1))
        .build();
    Map<String, Double> nanos = new LinkedHashMap<>();
    Runner runner = new Runner(options, OutputFormatFactory.createFormatInstance(System.err, VerboseMode.NORMAL));
    for (RunResult result : runner.run()) {
      String label = result.getPrimaryResult().getLabel();
      nanos.put(label, result.getPrimaryResult().getScore());
    }
    return nanos;
  }

  /**
   * CPU time per comment of featurizing {@code texts} in this thread: the median of several passes
   * over all of them, after warm-up passes.
   */
  static double cpuNanosPerComment(List<String> texts) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Featurizer featurizer = new Featurizer(FeaturizerSpec.defaults());
    double[] passes = new double[MEASURED_PASSES];
    long terms = 0;
    for (int pass = -WARM_UP_PASSES; pass < MEASURED_PASSES; pass++) {
      long start = threads.getCurrentThreadCpuTime();
      for (String text : texts) {
        terms += featurizer.featurize(text).size();
      }
      if (pass >= 0) {
        passes[pass] = (threads.getCurrentThreadCpuTime() - start) / (double) texts.size();
      }
    }
    if (terms == 0) {
      throw new IllegalArgumentException("the texts gave no terms; nothing was measured");
    }
    return Stats.median(passes);
  }
}
