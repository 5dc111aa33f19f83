package io.sentiflow.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLineTest {

  @Test
  void isOneObjectOnOneLineWithFieldsInOrderAndFiguresRounded() throws Exception {
    String line = new JsonLine().put("comments", 14640).put("replay_per_s", 1234.5678, 1)
        .put("replay_ratio", 0.81234, 3).put("runs_per_s", new double[] {1.25, 2.5}, 1).toString();

    assertThat(line).doesNotContain("\n");
    JsonNode node = new ObjectMapper().readTree(line);
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly("comments", "replay_per_s", "replay_ratio", "runs_per_s");
    assertThat(node.get("replay_per_s").asDouble()).isEqualTo(1234.6);
    assertThat(node.get("replay_ratio").asDouble()).isEqualTo(0.812);
    assertThat(node.get("runs_per_s").get(1).asDouble()).isEqualTo(2.5);
  }

  @Test
  void figuresThatAreNotNumbersBecomeNull() throws Exception {
    JsonNode node = new ObjectMapper().readTree(new JsonLine().put("ratio", Double.NaN, 3).toString());

    assertThat(node.get("ratio").isNull()).isTrue();
  }

  @Test
  void anotherObjectsFieldsAreMergedWithAPrefix() throws Exception {
    JsonNode node = new ObjectMapper().readTree(
        new JsonLine().put("runs", 3).putAll("learner_", "{\"batch_size\":256,\"device\":\"cpu\"}").toString());

    assertThat(node.get("learner_batch_size").asInt()).isEqualTo(256);
    assertThat(node.get("learner_device").asText()).isEqualTo("cpu");
    assertThat(node.get("runs").asInt()).isEqualTo(3);
  }
}
