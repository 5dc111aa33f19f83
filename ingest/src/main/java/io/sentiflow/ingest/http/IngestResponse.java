package io.sentiflow.ingest.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The body of every {@code POST /v1/...} answer that got as far as reading lines. */
public record IngestResponse(int accepted, int duplicates, int rejected, int unavailable, List<LineResult> results) {

  private static final JsonFactory JSON = new JsonFactory();
  /** Bytes a line's result takes in the answer, about: {@code {"line":1,"status":"accepted","id":"..."},}. */
  private static final int BYTES_PER_RESULT = 64;

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

  /**
   * The answer as JSON: the counts, then {@code results} with each line's {@code line},
   * {@code status}, {@code id}, {@code error} and {@code reason}, leaving out the null ones. Written
   * with the streaming generator: a batch's answer has a result per line, and data binding spent
   * more on reflection than on writing them.
   */
  byte[] toJson() {
    try (ByteArrayBuilder bytes = new ByteArrayBuilder(128 + results.size() * BYTES_PER_RESULT);
        JsonGenerator json = JSON.createGenerator(bytes)) {
      json.writeStartObject();
      json.writeNumberField("accepted", accepted);
      json.writeNumberField("duplicates", duplicates);
      json.writeNumberField("rejected", rejected);
      json.writeNumberField("unavailable", unavailable);
      json.writeArrayFieldStart("results");
      for (LineResult result : results) {
        json.writeStartObject();
        json.writeNumberField("line", result.line());
        json.writeStringField("status", result.status());
        writeUnlessNull(json, "id", result.id());
        writeUnlessNull(json, "error", result.error());
        writeUnlessNull(json, "reason", result.reason());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
      json.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write an answer to memory", e);
    }
  }

  private static void writeUnlessNull(JsonGenerator json, String field, String value) throws IOException {
    if (value != null) {
      json.writeStringField(field, value);
    }
  }
}
