package io.sentiflow.ingest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sentiflow.ingest.IngestTopics;
import io.sentiflow.ingest.TestTopics;
import io.sentiflow.ingest.replay.DatasetPreset;
import io.sentiflow.ingest.replay.ReplayConfig;
import io.sentiflow.schemas.testing.SharedEmbeddedKafka;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark runs end to end on a small dataset and reports every figure; speed itself is not asserted. */
class IngestThroughputTest {

  @Test
  void measuresReplayHttpAndBareProducerOnTheSameComments() throws Exception {
    SharedEmbeddedKafka kafka = SharedEmbeddedKafka.get();
    IngestTopics topics = TestTopics.create(kafka);
    ReplayConfig replay = ReplayConfig.preset(DatasetPreset.TWEETEVAL_VALIDATION,
        Path.of(System.getProperty("sentiflow.data.dir", "../../shared/data")));
    List<String> progress = new ArrayList<>();

    IngestThroughput.Result result = IngestThroughput.run(kafka.clientProperties(), replay, topics, 500, 2, 1, 1, 1,
        progress::add);

    assertThat(result.comments()).isEqualTo(2_000);
    // A warm-up pass and a run of one pass, each writing the comments three times: replay, bare producer, HTTP.
    assertThat(TestTopics.readAll(kafka, topics.comments())).hasSize(2 * 3 * 2_000);
    // Every figure is a real rate: each contender wrote comments within a window that took time.
    assertThat(result.runs()).singleElement().satisfies(run -> assertThat(List.of(run.bareProducerPerSecond(),
        run.replayPerSecond(), run.httpPerSecond(), run.replayRatio(), run.httpRatio()))
        .allMatch(figure -> figure > 0 && Double.isFinite(figure)));
    assertThat(progress).hasSize(2);
    JsonNode json = new ObjectMapper().readTree(result.toJson());
    assertThat(json.fieldNames()).toIterable().contains("replay_ratio", "http_ratio", "bare_producer_per_s",
        "replay_target", "http_target", "runs_replay_ratio", "runs_http_ratio");
  }
}
