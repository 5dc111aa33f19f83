package io.sentiflow.features;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.util.ParameterTool;
import org.apache.flink.util.TimeUtils;

/**
 * Command-line arguments of the job jar, mapped onto {@link FeatureJobConfig}; anything not given
 * keeps its default.
 *
 * <pre>
 * --bootstrap-servers host:9092   (required)
 * --parallelism 2                 --checkpoint-interval 1s        --checkpoint-dir s3://bucket/ckpt
 * --state-ttl 24h                 --max-out-of-orderness 10s      --idle-timeout 5s
 * --buffer-timeout 5ms            --bucket-bits 20                --exactly-once-features true
 * --job-id sentiflow-features     --starting-offsets earliest|latest|committed
 * --topic-suffix staging          (topics become comments-staging, ...)
 * --kafka.security.protocol SSL   (any --kafka.* client setting)
 * </pre>
 */
public record FeatureJobArgs(Properties kafka, FeatureJobConfig config) {

  private static final String KAFKA_PREFIX = "kafka.";

  public static FeatureJobArgs parse(String[] args) {
    ParameterTool params = ParameterTool.fromArgs(args);
    Properties kafka = new Properties();
    kafka.put("bootstrap.servers", params.getRequired("bootstrap-servers"));
    for (Map.Entry<String, String> entry : params.toMap().entrySet()) {
      if (entry.getKey().startsWith(KAFKA_PREFIX)) {
        kafka.put(entry.getKey().substring(KAFKA_PREFIX.length()), entry.getValue());
      }
    }

    FeatureJobConfig defaults = FeatureJobConfig.defaults();
    FeatureJobConfig config = new FeatureJobConfig(
        params.getInt("parallelism", defaults.parallelism()),
        duration(params, "checkpoint-interval", defaults.checkpointInterval()),
        duration(params, "state-ttl", defaults.stateTtl()),
        duration(params, "max-out-of-orderness", defaults.maxOutOfOrderness()),
        duration(params, "idle-timeout", defaults.idleTimeout()),
        duration(params, "buffer-timeout", defaults.bufferTimeout()),
        params.getInt("bucket-bits", defaults.bucketBits()),
        params.getBoolean("exactly-once-features", defaults.exactlyOnceFeatures()),
        params.get("job-id", defaults.groupId()),
        params.get("job-id", defaults.transactionalIdPrefix()),
        FeatureJobConfig.StartingOffsets.valueOf(
            params.get("starting-offsets", defaults.startingOffsets().name()).toUpperCase(Locale.ROOT)),
        params.get("checkpoint-dir", defaults.checkpointDirectory()),
        params.has("topic-suffix")
            ? defaults.topics().withSuffix("-" + params.get("topic-suffix")) : defaults.topics());
    return new FeatureJobArgs(kafka, config);
  }

  private static Duration duration(ParameterTool params, String name, Duration fallback) {
    return params.has(name) ? TimeUtils.parseDuration(params.get(name)) : fallback;
  }
}
