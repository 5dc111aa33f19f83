package io.sentiflow.ops;

import io.sentiflow.avro.DriftKind;
import io.sentiflow.avro.ModelKind;
import io.sentiflow.learner.DriftReaction;
import io.sentiflow.learner.LearnerConfig;
import io.sentiflow.learner.LearnerService;
import io.sentiflow.learner.optim.OptimizerKind;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sentiflow learner}: the online learner as a service against an existing Kafka. */
@Command(name = "learner", mixinStandardHelpOptions = true,
    description = "Learn from training-examples and publish model versions (GPU when present).")
final class LearnerCommand implements Callable<Integer> {

  @Mixin
  KafkaOptions kafka = new KafkaOptions();

  @Mixin
  MetricsOptions metrics = new MetricsOptions();

  @Option(names = "--model-kind", defaultValue = "EMBEDDING_BAG",
      description = "EMBEDDING_BAG or LINEAR (multinomial logistic regression) (default: ${DEFAULT-VALUE}).")
  ModelKind kind;

  @Option(names = "--dimension", defaultValue = "16", description = "Embedding width (default: ${DEFAULT-VALUE}).")
  int dimension;

  @Option(names = "--optimizer", defaultValue = "ADAGRAD", description = "SGD or ADAGRAD (default: ${DEFAULT-VALUE}).")
  OptimizerKind optimizer;

  @Option(names = "--learning-rate", defaultValue = "0.2", description = "Base learning rate (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(names = "--batch-size", defaultValue = "256",
      description = "A mini-batch closes at this many examples (default: ${DEFAULT-VALUE})...")
  int batchSize;

  @Option(names = "--batch-timeout-ms", defaultValue = "200",
      description = "...or this long after its first example (default: ${DEFAULT-VALUE}).")
  long batchTimeoutMs;

  @Option(names = "--publish-interval-ms", defaultValue = "250",
      description = "How often a new model version is published (default: ${DEFAULT-VALUE}).")
  long publishIntervalMs;

  @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default: ${DEFAULT-VALUE}).")
  String device;

  @Option(names = "--drift-reaction", defaultValue = "BOOST_LEARNING_RATE",
      description = "What a drift alert triggers: BOOST_LEARNING_RATE, RESET_OPTIMIZER or IGNORE "
          + "(default: ${DEFAULT-VALUE}).")
  DriftReaction driftReaction;

  @Option(names = "--drift-reacts-to", defaultValue = "CONCEPT", split = ",",
      description = "Alert kinds that trigger it: CONCEPT (served error), DATA, PREDICTION; others are only "
          + "logged and counted (default: ${DEFAULT-VALUE}).")
  Set<DriftKind> driftReactsTo;

  @Override
  public Integer call() throws Exception {
    LearnerConfig config = LearnerConfig.defaults().toBuilder()
        .kind(kind).dimension(dimension).optimizer(optimizer).learningRate(learningRate)
        .batchSize(batchSize).batchTimeoutMs(batchTimeoutMs).publishIntervalMs(publishIntervalMs).device(device)
        .driftReaction(driftReaction).driftReactsTo(driftReactsTo)
        .build();
    LearnerService learner = new LearnerService(kafka.clientProperties(), config, metrics.startRegistry());
    learner.start();
    Services.runUntilStopped(learner);
    return 0;
  }
}
