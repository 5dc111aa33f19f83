package io.sentiflow.schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Earlier versions of Sentiflow's record schemas. Every schema change adds the schema it replaces
 * under {@code src/main/resources/avro-history/NAME-vN.avsc} and lists it here, so readers keep
 * decoding what older writers produced, and {@code SchemaEvolutionTest} checks that they can.
 */
public final class SchemaHistory {

  /** Record name to the number of earlier versions shipped for it. */
  public static final Map<String, Integer> PREVIOUS_VERSIONS = Map.of(
      "Comment", 1,
      "Label", 1);

  private SchemaHistory() {}

  public static List<Schema> versionsOf(String recordName) {
    int count = PREVIOUS_VERSIONS.getOrDefault(recordName, 0);
    List<Schema> versions = new ArrayList<>(count);
    for (int v = 1; v <= count; v++) {
      versions.add(AvroCodec.parseResource("avro-history/" + recordName + "-v" + v + ".avsc"));
    }
    return versions;
  }
}
