package io.sentiflow.features;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.streaming.api.connector.sink2.SupportsPreWriteTopology;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A Kafka sink for streams with one record per key that writes each key exactly once across
 * restarts without Kafka transactions: an idempotent producer flushed at every checkpoint, behind a
 * {@link ReplayDeduplicator} that drops what a restart replays but the topic already holds.
 */
public class DeduplicatingKafkaSink<T> implements Sink<T>, SupportsPreWriteTopology<T> {

  private static final long serialVersionUID = 1L;

  private final Properties kafka;
  private final String topic;
  private final SerializableFunction<T, String> keyOf;
  private final SerializationSchema<T> values;

  public DeduplicatingKafkaSink(Properties kafka, String topic, SerializableFunction<T, String> keyOf,
      SerializationSchema<T> values) {
    this.kafka = kafka;
    this.topic = topic;
    this.keyOf = keyOf;
    this.values = values;
  }

  @Override
  public DataStream<T> addPreWriteTopology(DataStream<T> input) {
    return input.process(new ReplayDeduplicator<>(kafka, topic, keyOf)).returns(input.getType())
        .name(topic + "-replay-dedup").uid("replay-dedup-" + topic);
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    Properties props = new Properties();
    props.putAll(kafka);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return new Writer<>(new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer()), topic,
        keyOf, values);
  }

  /** Sends asynchronously; a flush (at every checkpoint) waits for all acks and fails on any error. */
  private static final class Writer<T> implements SinkWriter<T> {

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final SerializableFunction<T, String> keyOf;
    private final SerializationSchema<T> values;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    Writer(KafkaProducer<byte[], byte[]> producer, String topic, SerializableFunction<T, String> keyOf,
        SerializationSchema<T> values) {
      this.producer = producer;
      this.topic = topic;
      this.keyOf = keyOf;
      this.values = values;
    }

    @Override
    public void write(T element, Context context) throws IOException {
      rethrowFailure();
      byte[] key = keyOf.apply(element).getBytes(StandardCharsets.UTF_8);
      producer.send(new ProducerRecord<>(topic, key, values.serialize(element)), (metadata, error) -> {
        if (error != null) {
          failure.compareAndSet(null, error);
        }
      });
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
      producer.flush();
      rethrowFailure();
    }

    @Override
    public void close() {
      producer.close(Duration.ZERO);
    }

    private void rethrowFailure() throws IOException {
      Exception error = failure.get();
      if (error != null) {
        throw new IOException("cannot write to " + topic, error);
      }
    }
  }
}
