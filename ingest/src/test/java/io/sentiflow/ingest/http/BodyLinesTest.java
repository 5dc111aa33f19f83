package io.sentiflow.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodyLinesTest {

  @Test
  void ndjsonLinesKeepTheirNumbersAndSkipBlankOnes() {
    byte[] body = "{\"a\":1}\r\n\n  \n{\"b\":2}".getBytes(StandardCharsets.UTF_8);

    List<BodyLines.Line> lines = BodyLines.ndjson(body);

    assertThat(lines).extracting(BodyLines.Line::number).containsExactly(1, 4);
    assertThat(lines).extracting(BodyLinesTest::text).containsExactly("{\"a\":1}", "{\"b\":2}");
    assertThat(BodyLines.single(" \n ".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  private static String text(BodyLines.Line line) {
    return new String(line.body(), line.offset(), line.length(), StandardCharsets.UTF_8);
  }
}
