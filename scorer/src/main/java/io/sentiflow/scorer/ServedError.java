package io.sentiflow.scorer;

import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Whether the class served for a comment was wrong, known once its label arrived. Internal topic only. */
record ServedError(long modelVersion, boolean wrong, long labelTime) {

  static final Serde<ServedError> SERDE = Serdes.serdeFrom(
      (topic, e) -> e == null ? null : ByteBuffer.allocate(17).putLong(e.modelVersion)
          .put((byte) (e.wrong ? 1 : 0)).putLong(e.labelTime).array(),
      (topic, bytes) -> {
        if (bytes == null) {
          return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new ServedError(buffer.getLong(), buffer.get() == 1, buffer.getLong());
      });
}
