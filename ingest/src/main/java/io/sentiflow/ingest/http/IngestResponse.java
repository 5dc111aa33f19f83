package io.sentiflow.ingest.http;

import java.util.List;

/** The body of every {@code POST /v1/...} answer that got as far as reading lines. */
public record IngestResponse(int accepted, int duplicates, int rejected, int unavailable, List<LineResult> results) {

  static IngestResponse of(List<LineResult> results) {
    int accepted = 0;
    int duplicates = 0;
    int rejected = 0;
    int unavailable = 0;
    for (LineResult r : results) {
      switch (r.status()) {
        case "accepted" -> accepted++;
        case "duplicate" -> duplicates++;
        case "rejected" -> rejected++;
        default -> unavailable++;
      }
    }
    return new IngestResponse(accepted, duplicates, rejected, unavailable, results);
  }

  /**
   * 503 when Kafka did not take every valid line; 200 when no line was rejected; otherwise 409 when
   * every rejection is an id reused with other content, 400 when nothing in the body was even a
   * JSON object, else 422.
   */
  int httpStatus() {
    if (unavailable > 0) {
      return 503;
    }
    if (rejected == 0) {
      return 200;
    }
    List<LineResult> rejections = results.stream().filter(LineResult::isRejected).toList();
    if (rejections.stream().allMatch(r -> "id_conflict".equals(r.error()))) {
      return 409;
    }
    boolean nothingParsed = rejected == results.size() && rejections.stream()
        .allMatch(r -> List.of("invalid_json", "invalid_utf8", "not_an_object").contains(r.error()));
    return nothingParsed ? 400 : 422;
  }
}
