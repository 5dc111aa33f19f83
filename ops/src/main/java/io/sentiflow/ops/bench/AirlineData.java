package io.sentiflow.ops.bench;

import io.sentiflow.avro.Comment;
import io.sentiflow.ingest.replay.DatasetPreset;
import io.sentiflow.ingest.replay.DatasetRows;
import io.sentiflow.ingest.replay.DatasetSpec;
import io.sentiflow.learner.evaluate.LabelledText;
import io.sentiflow.schemas.Codecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The US airline tweets, the data every bench measures on, read as the replay reads them: in time order. */
final class AirlineData {

  private AirlineData() {}

  static List<LabelledText> read(Path dataDir) throws IOException {
    DatasetSpec airline = DatasetPreset.AIRLINE.spec(dataDir);
    if (!Files.isRegularFile(airline.path())) {
      throw new NoSuchFileException(airline.path().toString(), null, "airline dataset not found; set --data-dir");
    }
    return EvaluateCommand.labelledTexts(DatasetRows.read(airline));
  }

  /**
   * {@code count} encoded comments: the tweets in time order, repeated as often as needed with
   * distinct ids (a repeated id would be dropped as a duplicate and skip the featurizing).
   */
  static List<byte[]> encodedComments(List<LabelledText> texts, int count) {
    long now = System.currentTimeMillis();
    List<byte[]> encoded = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      LabelledText text = texts.get(i % texts.size());
      encoded.add(Codecs.COMMENT.encode(Comment.newBuilder()
          .setId("airline-" + i)
          .setPlatform("twitter")
          .setThread("airline")
          .setAuthor("bench")
          .setText(text.text())
          .setLanguage("en")
          .setEventTime(text.time())
          .setIngestTime(now)
          .build()));
    }
    return encoded;
  }
}
