package io.sentiflow.features;

import io.sentiflow.avro.Rejected;
import io.sentiflow.avro.TrainingExample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.OutputTag;

/**
 * The feature job: decodes and featurizes every comment, emits its features once per comment id
 * (encoded {@code Features}, see {@link FeaturedComment}), and joins comments with their delayed
 * labels into {@link TrainingExample}s.
 *
 * <pre>
 * comments ─► decode+featurize ─┐                        ┌─► features
 *                               ├─► keyBy(id) ─► join ───┤
 * labels ───► decode ───────────┘                        └─► training-examples (exactly once)
 * bytes that do not decode ─────────────────────────────────► rejected
 * </pre>
 *
 * Sources and sinks come through the constructor; {@link #main} wires Kafka and
 * {@link #startLocal} runs the Kafka-wired job on an in-process MiniCluster.
 */
public class FeatureJob {

  /** The stage name on dead letters this job writes. */
  public static final String STAGE = "features";
  public static final String JOB_NAME = "sentiflow-features";
  /** Upper bound of the parallelism a restored job can be rescaled to. */
  public static final int MAX_PARALLELISM = 128;

  static final OutputTag<DeadLetter> REJECTED = new OutputTag<>("rejected", TypeInformation.of(DeadLetter.class));
  static final OutputTag<FeaturedComment> FEATURES =
      new OutputTag<>("features", TypeInformation.of(FeaturedComment.class));

  private final FeatureJobConfig config;
  private final Source<KafkaBytes, ?, ?> comments;
  private final Source<KafkaBytes, ?, ?> labels;
  private final Sink<FeaturedComment> features;
  private final Sink<TrainingExample> trainingExamples;
  private final Sink<Rejected> rejected;

  public FeatureJob(FeatureJobConfig config, Source<KafkaBytes, ?, ?> comments, Source<KafkaBytes, ?, ?> labels,
      Sink<FeaturedComment> features, Sink<TrainingExample> trainingExamples, Sink<Rejected> rejected) {
    this.config = config;
    this.comments = comments;
    this.labels = labels;
    this.features = features;
    this.trainingExamples = trainingExamples;
    this.rejected = rejected;
  }

  /** Runs the job on Kafka, on a Flink cluster or locally; see {@link FeatureJobArgs} for the arguments. */
  public static void main(String[] args) throws Exception {
    FeatureJobArgs parsed = FeatureJobArgs.parse(args);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    KafkaWiring.featureJob(parsed.kafka(), parsed.config()).build(env);
    env.execute(JOB_NAME);
  }

  /**
   * Starts the Kafka-wired job on a MiniCluster inside this JVM and returns at once. Cancelling the
   * returned client stops the job and its MiniCluster.
   */
  public static JobClient startLocal(Properties kafka, FeatureJobConfig config) throws Exception {
    return submitLocal(kafka, config, leanLocalCluster());
  }

  /** As {@link #startLocal(Properties, FeatureJobConfig)}, resuming from a checkpoint or savepoint path. */
  public static JobClient startLocal(Properties kafka, FeatureJobConfig config, String restoreFrom)
      throws Exception {
    Configuration conf = leanLocalCluster();
    if (restoreFrom != null) {
      conf.set(StateRecoveryOptions.SAVEPOINT_PATH, restoreFrom);
    }
    return submitLocal(kafka, config, conf);
  }

  /**
   * As {@link #startLocal(Properties, FeatureJobConfig)}, with Flink's own metrics served by its
   * Prometheus reporter on {@code metricsPort} ({@code flink-metrics-prometheus} must be on the
   * class path).
   */
  public static JobClient startLocal(Properties kafka, FeatureJobConfig config, int metricsPort) throws Exception {
    Configuration conf = leanLocalCluster();
    conf.set(ConfigOptions.key("metrics.reporter.prom.factory.class").stringType().noDefaultValue(),
        "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
    conf.set(ConfigOptions.key("metrics.reporter.prom.port").stringType().noDefaultValue(),
        String.valueOf(metricsPort));
    return submitLocal(kafka, config, conf);
  }

  private static JobClient submitLocal(Properties kafka, FeatureJobConfig config, Configuration conf)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(config.parallelism(), conf);
    KafkaWiring.featureJob(kafka, config).build(env);
    return env.executeAsync(JOB_NAME);
  }

  /**
   * A MiniCluster small enough to share a JVM with a broker, the learner and the scorer: little
   * managed memory (the job keeps heap state) and a small network buffer pool. Checkpoints go to a
   * fresh temporary directory unless the job config names one: JobManager memory would refuse the
   * join state beyond 5 MB.
   */
  public static Configuration leanLocalCluster() {
    Configuration conf = new Configuration();
    conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("64m"));
    conf.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.parse("32m"));
    conf.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.parse("32m"));
    conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, temporaryCheckpointDirectory());
    return conf;
  }

  private static String temporaryCheckpointDirectory() {
    try {
      Path directory = Files.createTempDirectory("sentiflow-features-checkpoints-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(directory), "delete-checkpoints"));
      return directory.toUri().toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a checkpoint directory", e);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // Best effort at JVM exit: a temporary directory left behind is harmless.
    }
  }

  /** Adds the pipeline to {@code env} and configures checkpointing, latency and parallelism. */
  public void build(StreamExecutionEnvironment env) {
    configure(env);
    WatermarkStrategy<KafkaBytes> commentTime = WatermarkStrategy
        .<KafkaBytes>forBoundedOutOfOrderness(config.maxOutOfOrderness())
        .withTimestampAssigner((record, kafkaTimestamp) -> EventTimes.ofComment(record))
        .withIdleness(config.idleTimeout());
    WatermarkStrategy<KafkaBytes> labelTime = WatermarkStrategy
        .<KafkaBytes>forBoundedOutOfOrderness(config.maxOutOfOrderness())
        .withTimestampAssigner((record, kafkaTimestamp) -> EventTimes.ofLabel(record))
        .withIdleness(config.idleTimeout());

    // Watermarks are generated in the sources, per Kafka partition (see EventTimes).
    SingleOutputStreamOperator<FeaturedComment> featured = env
        .fromSource(comments, commentTime, "comments")
        .process(new DecodeComments(REJECTED, config.bucketBits())).name("decode-featurize").uid("decode-featurize");
    SingleOutputStreamOperator<LabelEvent> decodedLabels = env
        .fromSource(labels, labelTime, "labels")
        .process(new DecodeLabels(REJECTED)).name("decode-labels").uid("decode-labels");

    SingleOutputStreamOperator<TrainingExample> joined = featured
        .keyBy(comment -> comment.commentId)
        .connect(decodedLabels.keyBy(label -> label.commentId))
        .process(new LabelJoinFunction(FEATURES, config.stateTtl().toMillis()))
        .returns(TypeInformation.of(TrainingExample.class))
        .name("dedup-join").uid("dedup-join");

    joined.getSideOutput(FEATURES).sinkTo(features).name("features-sink").uid("features-sink");
    joined.sinkTo(trainingExamples).name("training-examples-sink").uid("training-examples-sink");
    DataStream<DeadLetter> deadLetters = featured.getSideOutput(REJECTED).union(decodedLabels.getSideOutput(REJECTED));
    deadLetters.map(DeadLetter::toRejected).returns(TypeInformation.of(Rejected.class)).name("to-rejected")
        .sinkTo(rejected).name("rejected-sink").uid("rejected-sink");
  }

  private void configure(StreamExecutionEnvironment env) {
    env.setParallelism(config.parallelism());
    // Fixed so keyed state can be rescaled and key ownership is the same in every operator.
    env.setMaxParallelism(MAX_PARALLELISM);
    env.setBufferTimeout(config.bufferTimeout().toMillis());
    // Records are not mutated after emission, so chained operators may hand them on without copies.
    env.getConfig().enableObjectReuse();
    env.enableCheckpointing(config.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
    if (config.checkpointDirectory() != null) {
      Configuration checkpoints = new Configuration();
      checkpoints.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
      checkpoints.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, config.checkpointDirectory());
      checkpoints.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
          ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
      env.configure(checkpoints);
    }
  }
}
