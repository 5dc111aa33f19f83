package io.sentiflow.learner;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.sentiflow.avro.DriftKind;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;

/** The learner's meters, tagged with the model id. Gauges hold their suppliers strongly: nothing else does. */
final class LearnerMetrics {

  final Counter examples;
  final Counter rejected;
  final Counter servableVersions;
  final Counter heldBackVersions;
  final Counter snapshots;
  final Counter recoveries;
  final Timer step;
  final DistributionSummary touchedRows;
  final DistributionSummary loss;
  private final MeterRegistry registry;
  private final Tags tags;

  LearnerMetrics(MeterRegistry registry, String modelId, Supplier<LearnerStatus> status,
      Supplier<Double> learningRate) {
    this.registry = registry;
    this.tags = Tags.of("model", modelId);
    examples = Counter.builder("sentiflow.learner.examples").description("training examples learned from")
        .tags(tags).register(registry);
    rejected = Counter.builder("sentiflow.learner.rejected").description("inputs sent to the rejected topic")
        .tags(tags).register(registry);
    servableVersions = Counter.builder("sentiflow.learner.versions").tags(tags).tag("servable", "true")
        .description("model versions published").register(registry);
    heldBackVersions = Counter.builder("sentiflow.learner.versions").tags(tags).tag("servable", "false")
        .description("model versions published").register(registry);
    snapshots = Counter.builder("sentiflow.learner.snapshots").tags(tags).register(registry);
    recoveries = Counter.builder("sentiflow.learner.recoveries")
        .description("rebuilds of the model from its topics after a failed transaction").tags(tags)
        .register(registry);
    step = Timer.builder("sentiflow.learner.step").description("one mini-batch: predict, differentiate, update")
        .tags(tags).register(registry);
    touchedRows = DistributionSummary.builder("sentiflow.learner.step.rows")
        .description("embedding rows one mini-batch touched").tags(tags).register(registry);
    loss = DistributionSummary.builder("sentiflow.learner.step.loss")
        .description("mean cross-entropy of a mini-batch before its step").tags(tags).register(registry);
    Gauge.builder("sentiflow.learner.model.version", status, s -> s.get().modelVersion()).tags(tags)
        .strongReference(true).register(registry);
    Gauge.builder("sentiflow.learner.prequential.accuracy", status, s -> s.get().prequentialAccuracy())
        .tags(tags).strongReference(true).register(registry);
    Gauge.builder("sentiflow.learner.prequential.macro_f1", status, s -> s.get().macroF1()).tags(tags)
        .strongReference(true).register(registry);
    Gauge.builder("sentiflow.learner.prequential.log_loss", status, s -> s.get().logLoss()).tags(tags)
        .strongReference(true).register(registry);
    Gauge.builder("sentiflow.learner.learning_rate", learningRate, Supplier::get).tags(tags)
        .strongReference(true).register(registry);
  }

  /** Binds the consumer's own metrics (records-lag among them); close the result with the consumer. */
  KafkaClientMetrics bindConsumer(Consumer<?, ?> consumer) {
    KafkaClientMetrics clientMetrics = new KafkaClientMetrics(consumer, tags);
    clientMetrics.bindTo(registry);
    return clientMetrics;
  }

  /** Counts an alert by kind and by what the learner did (IGNORE for kinds it does not react to). */
  void driftReaction(DriftKind kind, DriftReaction reaction) {
    Counter.builder("sentiflow.learner.drift.reactions").tags(tags).tag("kind", kind.name())
        .tag("reaction", reaction.name()).register(registry).increment();
  }
}
