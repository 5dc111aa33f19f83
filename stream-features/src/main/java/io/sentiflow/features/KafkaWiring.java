package io.sentiflow.features;

import io.sentiflow.avro.Rejected;
import io.sentiflow.avro.TrainingExample;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.flink.AvroSerializationSchema;
import io.sentiflow.schemas.flink.AvroSerializationSchema.SerializableCodecRef;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.utils.AppInfoParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The feature job's Kafka sources and sinks, built from client properties and the job config. */
public final class KafkaWiring {

  /** Below the broker's default {@code transaction.max.timeout.ms} (15 min), above any checkpoint. */
  static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(10);

  private static final Logger LOG = LoggerFactory.getLogger(KafkaWiring.class);

  private KafkaWiring() {}

  public static FeatureJob featureJob(Properties kafka, FeatureJobConfig config) {
    FeatureTopics topics = config.topics();
    SerializableFunction<TrainingExample, String> exampleKey = t -> t.getFeatures().getCommentId();
    SerializableFunction<Rejected, String> rejectedKey = Rejected::getSource;
    return new FeatureJob(config,
        source(kafka, config, topics.comments()),
        source(kafka, config, topics.labels()),
        features(kafka, config),
        exactlyOnce(kafka, topics.trainingExamples(), exampleKey, () -> Codecs.TRAINING_EXAMPLE,
            config.transactionalIdPrefix() + "-training"),
        atLeastOnce(kafka, topics.rejected(), rejectedKey, () -> Codecs.REJECTED));
  }

  /** The features sink: each comment's encoded features as they are, keyed by comment id. */
  public static Sink<FeaturedComment> features(Properties kafka, FeatureJobConfig config) {
    SerializableFunction<FeaturedComment, String> key = comment -> comment.commentId;
    String topic = config.topics().features();
    return config.exactlyOnceFeatures()
        ? exactlyOnce(kafka, topic, key, new EncodedFeatures(), config.transactionalIdPrefix() + "-features")
        : atLeastOnce(kafka, topic, key, new EncodedFeatures());
  }

  public static KafkaSource<KafkaBytes> source(Properties kafka, FeatureJobConfig config, String topic) {
    Properties props = new Properties();
    props.putAll(kafka);
    // Upstream stages may write transactionally; never featurize what they aborted.
    props.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return KafkaSource.<KafkaBytes>builder()
        .setProperties(props)
        .setTopics(topic)
        .setGroupId(config.groupId())
        .setClientIdPrefix(config.groupId() + "-" + topic)
        .setStartingOffsets(startingOffsets(config.startingOffsets()))
        .setDeserializer(new KafkaBytesDeserializer())
        .build();
  }

  /**
   * Exactly once for a stream with one record per key: Flink's transactional KafkaSink where the
   * connector's transactions work with the kafka-clients present, else a deduplicating sink.
   */
  static <T extends SpecificRecord> Sink<T> exactlyOnce(Properties kafka, String topic,
      SerializableFunction<T, String> key, SerializableCodecRef<T> codec, String transactionalIdPrefix) {
    return exactlyOnce(kafka, topic, key, new AvroSerializationSchema<>(codec), transactionalIdPrefix);
  }

  static <T> Sink<T> exactlyOnce(Properties kafka, String topic, SerializableFunction<T, String> key,
      SerializationSchema<T> values, String transactionalIdPrefix) {
    if (!ConnectorTransactions.supported()) {
      LOG.info("flink-connector-kafka transactions do not work with kafka-clients {}; {} is written once per key "
          + "by deduplicating what a restart replays", AppInfoParser.getVersion(), topic);
      return new DeduplicatingKafkaSink<>(kafka, topic, key, values);
    }
    Properties props = new Properties();
    props.putAll(kafka);
    props.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, String.valueOf(TRANSACTION_TIMEOUT.toMillis()));
    return KafkaSink.<T>builder()
        .setKafkaProducerConfig(props)
        .setRecordSerializer(serializer(topic, key, values))
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix(transactionalIdPrefix)
        .build();
  }

  static <T extends SpecificRecord> Sink<T> atLeastOnce(Properties kafka, String topic,
      SerializableFunction<T, String> key, SerializableCodecRef<T> codec) {
    return atLeastOnce(kafka, topic, key, new AvroSerializationSchema<>(codec));
  }

  static <T> Sink<T> atLeastOnce(Properties kafka, String topic, SerializableFunction<T, String> key,
      SerializationSchema<T> values) {
    return KafkaSink.<T>builder()
        .setKafkaProducerConfig(kafka)
        .setRecordSerializer(serializer(topic, key, values))
        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
        .build();
  }

  private static <T> KafkaRecordSerializationSchema<T> serializer(String topic, SerializableFunction<T, String> key,
      SerializationSchema<T> values) {
    return KafkaRecordSerializationSchema.<T>builder()
        .setTopic(topic)
        .setKeySerializationSchema((T record) -> key.apply(record).getBytes(StandardCharsets.UTF_8))
        .setValueSerializationSchema(values)
        .build();
  }

  /** A comment's features as it was encoded when featurized; a class so that Flink can tell its type. */
  private static final class EncodedFeatures implements SerializationSchema<FeaturedComment> {

    private static final long serialVersionUID = 1L;

    @Override
    public byte[] serialize(FeaturedComment comment) {
      return comment.features;
    }
  }

  private static OffsetsInitializer startingOffsets(FeatureJobConfig.StartingOffsets offsets) {
    return switch (offsets) {
      case EARLIEST -> OffsetsInitializer.earliest();
      case LATEST -> OffsetsInitializer.latest();
      case COMMITTED -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
    };
  }
}
