package io.sentiflow.ingest.http;

import java.util.ArrayList;
import java.util.List;

/** Splits a request body into the records it carries, keeping 1-based line numbers for the response. */
final class BodyLines {

  /** One record: {@code length} bytes of {@code body} from {@code offset}, read in place rather than copied. */
  record Line(int number, byte[] body, int offset, int length) {}

  private BodyLines() {}

  /** NDJSON: one record per non-blank line ({@code \n} or {@code \r\n}). */
  static List<Line> ndjson(byte[] body) {
    List<Line> lines = new ArrayList<>();
    int start = 0;
    int number = 1;
    for (int i = 0; i <= body.length; i++) {
      if (i == body.length || body[i] == '\n') {
        int end = i > start && body[i - 1] == '\r' ? i - 1 : i;
        if (!isBlank(body, start, end)) {
          lines.add(new Line(number, body, start, end - start));
        }
        start = i + 1;
        number++;
      }
    }
    return lines;
  }

  /** A single JSON document: one record, which may span several lines. */
  static List<Line> single(byte[] body) {
    return isBlank(body, 0, body.length) ? List.of() : List.of(new Line(1, body, 0, body.length));
  }

  private static boolean isBlank(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }
}
