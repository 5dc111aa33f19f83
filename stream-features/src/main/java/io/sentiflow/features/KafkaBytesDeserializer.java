package io.sentiflow.features;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Passes Kafka records on undecoded: decoding happens in an operator that can dead-letter. */
public class KafkaBytesDeserializer implements KafkaRecordDeserializationSchema<KafkaBytes> {

  private static final long serialVersionUID = 1L;

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<KafkaBytes> out) {
    out.collect(new KafkaBytes(record.topic(), record.key(), record.value()));
  }

  @Override
  public TypeInformation<KafkaBytes> getProducedType() {
    return TypeInformation.of(KafkaBytes.class);
  }
}
