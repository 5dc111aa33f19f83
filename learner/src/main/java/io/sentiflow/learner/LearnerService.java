package io.sentiflow.learner;

import ai.djl.Device;
import io.micrometer.core.instrument.MeterRegistry;
import io.sentiflow.learner.model.Devices;
import io.sentiflow.schemas.model.ModelWeights;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The online learner as a service: trains on {@code training-examples} on its own thread and
 * publishes model versions exactly once (see {@link TrainingLoop}). One learner runs per model; a
 * second one started with the same transactional id fences this one, which then stops.
 */
public final class LearnerService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LearnerService.class);
  private static final long RETRY_BACKOFF_MS = 1_000;

  private final Properties kafka;
  private final LearnerConfig config;
  private final LearnerMetrics metrics;
  private volatile LearnerStatus status;
  private volatile TrainingLoop loop;
  private volatile boolean running;
  private Thread thread;

  /**
   * @param kafka Kafka client settings (bootstrap servers, security); group, isolation and
   *     transaction settings are the learner's own
   */
  public LearnerService(Properties kafka, LearnerConfig config, MeterRegistry registry) {
    this.kafka = kafka;
    this.config = config;
    this.status = new LearnerStatus(0, -1, 0, 0, 0, "none");
    this.metrics = new LearnerMetrics(registry, config.modelId(), () -> status,
        () -> loop == null ? 0.0 : loop.learningRate());
  }

  /** Recovers the model from Kafka and starts learning on a thread of its own. */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("already started");
    }
    running = true;
    thread = new Thread(this::run, "sentiflow-learner-" + config.modelId());
    thread.start();
  }

  private void run() {
    Device device = Devices.resolve(config.device(), config.torchThreads());
    LOG.info("{}: training on {} ({} 2^{} x {}, {} lr {})", config.modelId(), Devices.describe(device),
        config.kind(), config.bucketBits(), config.shape().getDimension(), config.optimizer(), config.learningRate());
    try (TrainingLoop training = new TrainingLoop(kafka, config, metrics, device, s -> status = s)) {
      loop = training;
      training.initTransactions();
      recoverUntilDone(training);
      while (running) {
        try {
          training.step();
        } catch (KafkaException e) {
          if (isFatal(e)) {
            throw e;
          }
          LOG.warn("{}: transaction failed ({}); rebuilding from the model topics", config.modelId(), e.toString());
          metrics.recoveries.increment();
          recoverUntilDone(training);
        }
      }
      training.finish();
      LOG.info("{}: stopped at {}", config.modelId(), status);
    } catch (ProducerFencedException | InvalidProducerEpochException e) {
      LOG.error("{}: fenced: another learner with transactional id {} took over; stopping", config.modelId(),
          config.transactionalId());
    } catch (RuntimeException e) {
      LOG.error("{}: learner stopped on an error", config.modelId(), e);
    } finally {
      running = false;
    }
  }

  private void recoverUntilDone(TrainingLoop training) {
    while (running) {
      try {
        training.recover();
        return;
      } catch (KafkaException | IllegalStateException e) {
        if (e instanceof KafkaException kafkaError && isFatal(kafkaError)) {
          throw kafkaError;
        }
        LOG.warn("{}: recovery failed ({}); retrying", config.modelId(), e.toString());
        sleep(RETRY_BACKOFF_MS);
      }
    }
  }

  private static boolean isFatal(KafkaException e) {
    return e instanceof ProducerFencedException || e instanceof InvalidProducerEpochException
        || e instanceof AuthorizationException || e instanceof UnsupportedVersionException
        || (e.getCause() instanceof KafkaException cause && cause != e && isFatal(cause));
  }

  private static void sleep(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public LearnerStatus status() {
    return status;
  }

  /** The newest version this learner committed (what followers rebuild), once it has recovered. */
  public Optional<ModelWeights> model() {
    TrainingLoop training = loop;
    return training == null ? Optional.empty() : Optional.ofNullable(training.published());
  }

  /** False before {@link #start()}, and after a stop, a fatal error or being fenced. */
  public boolean isRunning() {
    Thread t = thread;
    return t != null && t.isAlive();
  }

  /** Learns and publishes what was already read, then stops. */
  @Override
  public void close() {
    running = false;
    Thread t = thread;
    if (t != null) {
      try {
        t.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
