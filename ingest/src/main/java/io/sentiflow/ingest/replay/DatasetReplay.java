package io.sentiflow.ingest.replay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sentiflow.avro.Comment;
import io.sentiflow.avro.Label;
import io.sentiflow.ingest.IngestProducers;
import io.sentiflow.ingest.IngestTopics;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.Rejections;
import io.sentiflow.schemas.kafka.TopicReadiness;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a labelled dataset into Kafka as a live stream: comments keyed by id on {@code comments}
 * in event-time order, each label keyed by its comment id on {@code labels} some event time later
 * (or never), invalid rows on {@code rejected} with the reason. Author handles are pseudonymised
 * before anything is written. An interrupt stops the replay after flushing what was sent.
 */
public final class DatasetReplay {

  private static final Logger LOG = LoggerFactory.getLogger(DatasetReplay.class);
  /** How long a replay waits for its topics to be ready before giving up. */
  private static final Duration TOPIC_WAIT = Duration.ofSeconds(60);

  private final ReplayConfig config;
  private final Producer<byte[], byte[]> producer;
  private final ReplayListener listener;
  private final String deadLetterSource;
  private final String labelSource;
  private final Counter commentsCounter;
  private final Counter labelsCounter;
  private final Counter rejectedCounter;
  private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
  private final Callback onAck = (metadata, e) -> {
    if (e != null) {
      sendFailure.compareAndSet(null, e);
    }
  };

  private long commentsSent;
  private long labelsSent;

  private DatasetReplay(ReplayConfig config, Producer<byte[], byte[]> producer, ReplayListener listener,
      MeterRegistry registry) {
    this.config = config;
    this.producer = producer;
    this.listener = listener;
    this.deadLetterSource = "replay:" + config.dataset().name();
    this.labelSource = "dataset:" + config.dataset().name();
    this.commentsCounter = registry.counter("sentiflow.ingest.replay.comments");
    this.labelsCounter = registry.counter("sentiflow.ingest.replay.labels");
    this.rejectedCounter = registry.counter("sentiflow.ingest.replay.rejected");
  }

  /** Replays {@code config}'s dataset with an idempotent producer built from {@code kafka}. */
  public static ReplayResult run(Properties kafka, ReplayConfig config, ReplayListener listener) {
    return run(kafka, config, listener, new SimpleMeterRegistry());
  }

  /** As {@link #run(Properties, ReplayConfig, ReplayListener)}, counting what it writes in {@code registry}. */
  public static ReplayResult run(Properties kafka, ReplayConfig config, ReplayListener listener,
      MeterRegistry registry) {
    IngestTopics topics = config.topics();
    if (!TopicReadiness.await(kafka, List.of(topics.comments(), topics.labels(), topics.rejected()), TOPIC_WAIT)) {
      throw new ReplayException("topics " + topics + " are not ready on " + kafka.get("bootstrap.servers")
          + " after " + TOPIC_WAIT.toSeconds() + " s (do they exist?)", null);
    }
    try (KafkaProducer<byte[], byte[]> producer = IngestProducers.create(kafka, "sentiflow-replay")) {
      return run(producer, config, listener, registry);
    }
  }

  /** Replays through a producer the caller owns (and closes); it must be idempotent with acks=all. */
  public static ReplayResult run(Producer<byte[], byte[]> producer, ReplayConfig config, ReplayListener listener,
      MeterRegistry registry) {
    return new DatasetReplay(config, producer, listener, registry).replay();
  }

  private ReplayResult replay() {
    long started = System.nanoTime();
    DatasetLoader loader = new DatasetLoader(config, r -> reject(r.reason(), r.key(), r.original()));
    try (Stream<DatasetRecord> comments = loader.comments()) {
      send(new EventSchedule(comments.iterator(), config.labelDelay(), config.labelledFraction(), config.seed()));
    } catch (MalformedDatasetException e) {
      // The row's bytes are lost inside the parser: its number and the parser's complaint locate it.
      String reason = "row " + e.row() + ": " + e.getMessage();
      reject(reason, null, new byte[0]);
      flush();
      throw new ReplayException("cannot read dataset " + config.dataset().path() + ": " + reason, e);
    } catch (UncheckedIOException e) {
      throw new ReplayException("cannot read dataset " + config.dataset().path() + ": " + e.getMessage(), e);
    }
    flush();
    listener.onProgress(commentsSent, labelsSent);
    ReplayResult result = new ReplayResult(loader.rowsRead(), commentsSent, commentsSent, labelsSent,
        loader.rejectedRows(), loader.duplicateRows());
    LOG.info("replayed {} in {} ms: {}", config.dataset().path(), (System.nanoTime() - started) / 1_000_000, result);
    return result;
  }

  private void send(EventSchedule schedule) {
    Pacer pacer = new Pacer(config.pacing());
    long paceStart = System.nanoTime();
    while (schedule.hasNext()) {
      ReplayEvent event = schedule.next();
      if (!awaitTurn(paceStart + pacer.dueNanos(event))) {
        LOG.info("replay interrupted after {} comments", commentsSent);
        return;
      }
      if (event instanceof ReplayEvent.CommentEvent comment) {
        sendComment(comment.comment());
      } else {
        sendLabel((ReplayEvent.LabelEvent) event);
      }
      checkSendFailure();
    }
  }

  private void sendComment(DatasetRecord record) {
    producer.send(new ProducerRecord<>(config.topics().comments(), record.id().getBytes(StandardCharsets.UTF_8),
        Codecs.COMMENT.encode(toComment(record))), onAck);
    commentsSent++;
    commentsCounter.increment();
    if (commentsSent % config.progressEvery() == 0) {
      listener.onProgress(commentsSent, labelsSent);
    }
  }

  /** The all-fields constructor: every field is set, and the builder's per-field checks cost on this hot path. */
  private Comment toComment(DatasetRecord record) {
    return new Comment(record.id(), config.dataset().platform(), record.thread(), record.author(), record.text(),
        record.language(), record.eventTime(), System.currentTimeMillis());
  }

  private void sendLabel(ReplayEvent.LabelEvent label) {
    Label value = new Label(label.commentId(), label.sentiment(), labelSource, label.labelTime());
    producer.send(new ProducerRecord<>(config.topics().labels(), label.commentId().getBytes(StandardCharsets.UTF_8),
        Codecs.LABEL.encode(value)), onAck);
    labelsSent++;
    labelsCounter.increment();
  }

  private void reject(String reason, byte[] key, byte[] original) {
    producer.send(new ProducerRecord<>(config.topics().rejected(), deadLetterSource.getBytes(StandardCharsets.UTF_8),
        Codecs.REJECTED.encode(Rejections.of(deadLetterSource, "ingest", reason, key, original))), onAck);
    rejectedCounter.increment();
    LOG.debug("rejected {}", reason);
  }

  /** Waits until {@code dueNanos}; false when the thread was interrupted. */
  private static boolean awaitTurn(long dueNanos) {
    try {
      long wait = dueNanos - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      return !Thread.currentThread().isInterrupted();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void flush() {
    boolean interrupted = Thread.interrupted();
    try {
      producer.flush();
    } catch (KafkaException e) {
      sendFailure.compareAndSet(null, e);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    checkSendFailure();
  }

  private void checkSendFailure() {
    Exception failure = sendFailure.get();
    if (failure != null) {
      throw new ReplayException("Kafka refused a replayed record after " + commentsSent + " comments: "
          + failure.getMessage(), failure);
    }
  }
}
