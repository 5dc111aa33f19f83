package io.sentiflow.features;

import io.sentiflow.schemas.text.FeaturizerSpec;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the feature job. Start from {@link #defaults()} and change what differs.
 *
 * @param parallelism operator parallelism (default 1)
 * @param checkpointInterval how often state is checkpointed; training examples become visible to
 *     read-committed consumers at each checkpoint (default 1 s)
 * @param stateTtl how long, in event time, a comment waits for its label and a label for its comment,
 *     and how long duplicates are recognised (default 24 h)
 * @param maxOutOfOrderness how far behind the newest event time a record may arrive and still count
 *     as on time for the watermark (default 10 s)
 * @param idleTimeout after this long without records an input stops holding back the watermark
 *     (default 5 s)
 * @param bufferTimeout longest time a record waits in a network buffer; small for low latency
 *     (default 5 ms)
 * @param bucketBits feature hashing into 2^bits buckets (default {@code FeaturizerSpec.defaults()})
 * @param exactlyOnceFeatures write {@code features} transactionally too; adds up to one checkpoint
 *     interval of latency for read-committed consumers (default false: at least once)
 * @param groupId Kafka consumer group of the sources (default {@code sentiflow-features})
 * @param transactionalIdPrefix prefix of the exactly-once sinks' transactional ids; unique per job
 *     on a cluster (default {@code sentiflow-features})
 * @param startingOffsets where the sources start when there is no checkpoint (default EARLIEST)
 * @param checkpointDirectory where checkpoints go, as a URI or path; they are kept when the job is
 *     cancelled so it can be restarted from them. Null (default): the Flink cluster's setting, or a
 *     temporary directory for {@link FeatureJob#startLocal}, whose checkpoints end with the job.
 * @param topics the topic names (default Sentiflow's catalogue)
 */
public record FeatureJobConfig(
    int parallelism,
    Duration checkpointInterval,
    Duration stateTtl,
    Duration maxOutOfOrderness,
    Duration idleTimeout,
    Duration bufferTimeout,
    int bucketBits,
    boolean exactlyOnceFeatures,
    String groupId,
    String transactionalIdPrefix,
    StartingOffsets startingOffsets,
    String checkpointDirectory,
    FeatureTopics topics) {

  /** Where the Kafka sources begin when the job starts without a checkpoint. */
  public enum StartingOffsets {
    EARLIEST,
    LATEST,
    /** The consumer group's committed offsets, earliest where there are none. */
    COMMITTED
  }

  public FeatureJobConfig {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
    }
    if (bucketBits < 1 || bucketBits > 30) {
      throw new IllegalArgumentException("bucketBits must be in 1..30, was " + bucketBits);
    }
    Objects.requireNonNull(checkpointInterval, "checkpointInterval");
    Objects.requireNonNull(stateTtl, "stateTtl");
    Objects.requireNonNull(maxOutOfOrderness, "maxOutOfOrderness");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(bufferTimeout, "bufferTimeout");
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(transactionalIdPrefix, "transactionalIdPrefix");
    Objects.requireNonNull(startingOffsets, "startingOffsets");
    Objects.requireNonNull(topics, "topics");
  }

  public static FeatureJobConfig defaults() {
    return new FeatureJobConfig(1, Duration.ofSeconds(1), Duration.ofHours(24), Duration.ofSeconds(10),
        Duration.ofSeconds(5), Duration.ofMillis(5), FeaturizerSpec.defaults().bucketBits(), false,
        "sentiflow-features", "sentiflow-features", StartingOffsets.EARLIEST, null, FeatureTopics.defaults());
  }

  public FeatureJobConfig withParallelism(int value) {
    return new FeatureJobConfig(value, checkpointInterval, stateTtl, maxOutOfOrderness, idleTimeout,
        bufferTimeout, bucketBits, exactlyOnceFeatures, groupId, transactionalIdPrefix, startingOffsets,
        checkpointDirectory, topics);
  }

  public FeatureJobConfig withCheckpointInterval(Duration value) {
    return new FeatureJobConfig(parallelism, value, stateTtl, maxOutOfOrderness, idleTimeout, bufferTimeout,
        bucketBits, exactlyOnceFeatures, groupId, transactionalIdPrefix, startingOffsets, checkpointDirectory,
        topics);
  }

  public FeatureJobConfig withStateTtl(Duration value) {
    return new FeatureJobConfig(parallelism, checkpointInterval, value, maxOutOfOrderness, idleTimeout,
        bufferTimeout, bucketBits, exactlyOnceFeatures, groupId, transactionalIdPrefix, startingOffsets,
        checkpointDirectory, topics);
  }

  public FeatureJobConfig withBucketBits(int value) {
    return new FeatureJobConfig(parallelism, checkpointInterval, stateTtl, maxOutOfOrderness, idleTimeout,
        bufferTimeout, value, exactlyOnceFeatures, groupId, transactionalIdPrefix, startingOffsets,
        checkpointDirectory, topics);
  }

  public FeatureJobConfig withExactlyOnceFeatures(boolean value) {
    return new FeatureJobConfig(parallelism, checkpointInterval, stateTtl, maxOutOfOrderness, idleTimeout,
        bufferTimeout, bucketBits, value, groupId, transactionalIdPrefix, startingOffsets, checkpointDirectory,
        topics);
  }

  /** Sets both the consumer group and the transactional id prefix, which identify one deployment. */
  public FeatureJobConfig withJobId(String value) {
    return new FeatureJobConfig(parallelism, checkpointInterval, stateTtl, maxOutOfOrderness, idleTimeout,
        bufferTimeout, bucketBits, exactlyOnceFeatures, value, value, startingOffsets, checkpointDirectory,
        topics);
  }

  public FeatureJobConfig withStartingOffsets(StartingOffsets value) {
    return new FeatureJobConfig(parallelism, checkpointInterval, stateTtl, maxOutOfOrderness, idleTimeout,
        bufferTimeout, bucketBits, exactlyOnceFeatures, groupId, transactionalIdPrefix, value, checkpointDirectory,
        topics);
  }

  public FeatureJobConfig withCheckpointDirectory(String value) {
    return new FeatureJobConfig(parallelism, checkpointInterval, stateTtl, maxOutOfOrderness, idleTimeout,
        bufferTimeout, bucketBits, exactlyOnceFeatures, groupId, transactionalIdPrefix, startingOffsets, value,
        topics);
  }

  public FeatureJobConfig withTopics(FeatureTopics value) {
    return new FeatureJobConfig(parallelism, checkpointInterval, stateTtl, maxOutOfOrderness, idleTimeout,
        bufferTimeout, bucketBits, exactlyOnceFeatures, groupId, transactionalIdPrefix, startingOffsets,
        checkpointDirectory, value);
  }
}
