package io.sentiflow.features;

import org.apache.kafka.clients.producer.internals.TransactionalRequestResult;

/**
 * Whether flink-connector-kafka's exactly-once {@code KafkaSink} can run on the kafka-clients on the
 * classpath. The 5.0.0-2.2 release resumes and flushes transactions through kafka-clients
 * internals and calls {@code TransactionalRequestResult.await()}, which kafka-clients 4.3 removed:
 * every checkpoint of a transactional writer then fails with {@link NoSuchMethodError}.
 */
final class ConnectorTransactions {

  private ConnectorTransactions() {}

  static boolean supported() {
    try {
      TransactionalRequestResult.class.getMethod("await");
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
