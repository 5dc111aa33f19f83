package io.sentiflow.ingest.http;

import io.sentiflow.schemas.testing.KafkaCluster;
import io.sentiflow.schemas.testing.SharedEmbeddedKafka;

/** The HTTP ingest contract on the in-process KRaft broker. */
class EmbeddedKafkaHttpIngestTest extends HttpIngestContract {

  @Override
  protected KafkaCluster cluster() {
    return SharedEmbeddedKafka.get();
  }
}
