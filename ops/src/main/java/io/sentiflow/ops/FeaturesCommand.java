package io.sentiflow.ops;

import io.sentiflow.features.FeatureJob;
import io.sentiflow.features.FeatureJobConfig;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.flink.core.execution.JobClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sentiflow features}: the Flink feature job on a local MiniCluster in this process. On a
 * Flink cluster, submit {@code stream-features/target/*-job.jar} instead (see README).
 */
@Command(name = "features", mixinStandardHelpOptions = true,
    description = "Run the Flink feature job in this process against an existing Kafka.")
final class FeaturesCommand implements Callable<Integer> {

  @Mixin
  KafkaOptions kafka = new KafkaOptions();

  @Option(names = "--parallelism", defaultValue = "1", description = "Job parallelism (default: ${DEFAULT-VALUE}).")
  int parallelism;

  @Option(names = "--checkpoint-interval", defaultValue = "PT1S",
      description = "Checkpoint interval; training examples become visible at each checkpoint (default: ${DEFAULT-VALUE}).")
  Duration checkpointInterval;

  @Option(names = "--state-ttl", defaultValue = "PT24H",
      description = "How long, in event time, a comment waits for its label and a label for its comment (default: ${DEFAULT-VALUE}).")
  Duration stateTtl;

  @Option(names = "--exactly-once-features", defaultValue = "false",
      description = "Write features transactionally too; adds the checkpoint interval to scoring latency (default: ${DEFAULT-VALUE}).")
  boolean exactlyOnceFeatures;

  @Option(names = "--metrics-port", defaultValue = "9249",
      description = "Port of Flink's Prometheus reporter for the job's own metrics (default: ${DEFAULT-VALUE}).")
  int metricsPort;

  @Override
  public Integer call() throws Exception {
    FeatureJobConfig config = FeatureJobConfig.defaults().withParallelism(parallelism)
        .withCheckpointInterval(checkpointInterval).withStateTtl(stateTtl).withExactlyOnceFeatures(exactlyOnceFeatures);
    JobClient job = FeatureJob.startLocal(kafka.clientProperties(), config, metricsPort);
    System.err.println("sentiflow features: job " + job.getJobID() + " running");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      job.cancel().join();
      stopped.countDown();
    }, "features-shutdown"));
    stopped.await();
    return 0;
  }
}
