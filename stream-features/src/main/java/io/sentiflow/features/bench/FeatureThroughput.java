package io.sentiflow.features.bench;

import io.sentiflow.avro.Label;
import io.sentiflow.avro.Sentiment;
import io.sentiflow.features.FeatureJob;
import io.sentiflow.features.FeatureJobConfig;
import io.sentiflow.features.KafkaBytes;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.Topic;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Comments per second through the feature job against a job with the same source and sink that only
 * forwards the bytes, both on an in-process MiniCluster. The source replays the given encoded
 * comments from memory and the sinks discard, so the figures measure the job, not Kafka.
 */
public final class FeatureThroughput {

  /** Share of the records run once through each job first, so both are measured JIT-compiled. */
  private static final int WARM_UP_SHARE = 4;

  /** The labels input gets one label that matches no comment: the job runs without training examples. */
  private static final byte[] UNMATCHED_LABEL = Codecs.LABEL.encode(Label.newBuilder()
      .setCommentId("bench-no-such-comment").setSentiment(Sentiment.NEUTRAL).setSource("bench").setLabelTime(0L)
      .build());

  private FeatureThroughput() {}

  /**
   * Figures of one comparison.
   *
   * @param featureJobMillis net runtime of the feature job over all comments (deploy included)
   * @param forwardJobMillis net runtime of the forwarding job over the same comments
   */
  public record Figures(int parallelism, int comments, long featureJobMillis, long forwardJobMillis) {

    public double featureJobCommentsPerSecond() {
      return comments * 1000.0 / Math.max(1, featureJobMillis);
    }

    public double forwardJobCommentsPerSecond() {
      return comments * 1000.0 / Math.max(1, forwardJobMillis);
    }

    /** Feature job throughput as a share of the forwarding job's. */
    public double ratio() {
      return featureJobCommentsPerSecond() / forwardJobCommentsPerSecond();
    }
  }

  /**
   * Runs {@code encodedComments} (single-object encoded {@code Comment}s) through both jobs at
   * {@code parallelism}. Each job has a fixed start cost, so give it enough comments (tens of
   * thousands) for the figures to reflect the steady rate.
   */
  public static Figures measure(List<byte[]> encodedComments, int parallelism) throws Exception {
    byte[][] comments = encodedComments.toArray(byte[][]::new);
    int warmUp = Math.max(1, comments.length / WARM_UP_SHARE);
    runFeatureJob(comments, warmUp, parallelism);
    runForwardJob(comments, warmUp, parallelism);
    long featureMillis = runFeatureJob(comments, comments.length, parallelism);
    long forwardMillis = runForwardJob(comments, comments.length, parallelism);
    return new Figures(parallelism, comments.length, featureMillis, forwardMillis);
  }

  private static long runFeatureJob(byte[][] comments, int count, int parallelism) throws Exception {
    StreamExecutionEnvironment env = environment(parallelism);
    FeatureJobConfig config = FeatureJobConfig.defaults().withParallelism(parallelism);
    new FeatureJob(config, replay(comments, count), replay(new byte[][] {UNMATCHED_LABEL}, 1),
        new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>()).build(env);
    return env.execute("bench-features").getNetRuntime();
  }

  private static long runForwardJob(byte[][] comments, int count, int parallelism) throws Exception {
    StreamExecutionEnvironment env = environment(parallelism);
    env.fromSource(replay(comments, count), WatermarkStrategy.noWatermarks(), "comments")
        .sinkTo(new DiscardingSink<>());
    return env.execute("bench-forward").getNetRuntime();
  }

  static StreamExecutionEnvironment environment(int parallelism) {
    Configuration conf = FeatureJob.leanLocalCluster();
    // A benchmark whose job fails must end with the failure, not restart forever.
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    return StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
  }

  private static DataGeneratorSource<KafkaBytes> replay(byte[][] values, int count) {
    return new DataGeneratorSource<>(new Replay(values), count, TypeInformation.of(KafkaBytes.class));
  }

  /** The i-th record is the i-th comment, cycling if more are asked for than given. */
  private record Replay(byte[][] values) implements GeneratorFunction<Long, KafkaBytes> {

    @Override
    public KafkaBytes map(Long index) {
      return new KafkaBytes(Topic.COMMENTS.topicName(), null, values[(int) (index % values.length)]);
    }
  }
}
