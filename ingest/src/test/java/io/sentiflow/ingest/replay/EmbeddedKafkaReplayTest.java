package io.sentiflow.ingest.replay;

import io.sentiflow.schemas.testing.KafkaCluster;
import io.sentiflow.schemas.testing.SharedEmbeddedKafka;

/** The replay contract on the in-process KRaft broker. */
class EmbeddedKafkaReplayTest extends ReplayBrokerContract {

  @Override
  protected KafkaCluster cluster() {
    return SharedEmbeddedKafka.get();
  }
}
