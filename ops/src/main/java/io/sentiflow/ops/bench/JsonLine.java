package io.sentiflow.ops.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one JSON object a bench prints as its last line: fields in insertion order. */
final class JsonLine {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Object> fields = new LinkedHashMap<>();

  JsonLine put(String key, Object value) {
    fields.put(key, value);
    return this;
  }

  /** A measured figure, rounded to {@code decimals} places (NaN and infinities become null). */
  JsonLine put(String key, double value, int decimals) {
    if (!Double.isFinite(value)) {
      fields.put(key, null);
      return this;
    }
    double scale = Math.pow(10, decimals);
    fields.put(key, Math.round(value * scale) / scale);
    return this;
  }

  JsonLine put(String key, double[] values, int decimals) {
    double scale = Math.pow(10, decimals);
    fields.put(key, Arrays.stream(values).map(v -> Math.round(v * scale) / scale).toArray());
    return this;
  }

  /** Every field of a JSON object written by a measurement class, each key given {@code prefix}. */
  JsonLine putAll(String prefix, String jsonObject) {
    try {
      Map<String, Object> parsed = JSON.readValue(jsonObject, new TypeReference<LinkedHashMap<String, Object>>() {});
      parsed.forEach((key, value) -> fields.put(prefix + key, value));
      return this;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON object: " + jsonObject, e);
    }
  }

  Object get(String key) {
    return fields.get(key);
  }

  @Override
  public String toString() {
    try {
      return JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
