package io.sentiflow.ingest.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the string value of a named field in JSON-like text that could not be parsed (a broken
 * line, a body turned away whole), so that its dead letter names no one.
 */
public final class JsonFieldMasker {

  private JsonFieldMasker() {}

  /**
   * {@code text} with the value of every {@code "field": "..."} replaced by {@code "<redacted>"};
   * the same instance when there is none.
   */
  public static String mask(String text, String field) {
    Matcher m = Pattern.compile("(\"" + Pattern.quote(field) + "\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"").matcher(text);
    return m.find() ? m.replaceAll("$1\"<redacted>\"") : text;
  }
}
