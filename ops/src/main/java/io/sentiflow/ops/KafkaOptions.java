package io.sentiflow.ops;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine.Option;

/** How a service reaches an existing Kafka cluster: bootstrap servers plus optional client settings (SASL/SSL). */
final class KafkaOptions {

  @Option(names = "--bootstrap-servers", defaultValue = "localhost:9092",
      description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
  String bootstrapServers;

  @Option(names = "--kafka-config",
      description = "Kafka client properties file (security.protocol, sasl.*, ssl.*), applied to every client.")
  Path kafkaConfig;

  Properties clientProperties() {
    Properties props = new Properties();
    if (kafkaConfig != null) {
      try (Reader reader = Files.newBufferedReader(kafkaConfig)) {
        props.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read Kafka client config " + kafkaConfig, e);
      }
    }
    props.put("bootstrap.servers", bootstrapServers);
    return props;
  }
}
