package io.sentiflow.ingest.replay;

import java.util.Map;

/**
 * One row as read from a dataset file, before any validation.
 *
 * @param number 1-based row number in the file (header excluded)
 * @param fields the row's columns by name; empty when the row could not be parsed
 * @param problem why the row could not be parsed, or null
 * @param raw the unparsed line when {@code problem} is set, else null
 */
record SourceRow(long number, Map<String, String> fields, String problem, String raw) {

  static SourceRow parsed(long number, Map<String, String> fields) {
    return new SourceRow(number, fields, null, null);
  }

  static SourceRow unparsable(long number, String problem, String raw) {
    return new SourceRow(number, Map.of(), problem, raw);
  }

  /** The column's value, or null when the row has no such column. */
  String field(String column) {
    return column == null ? null : fields.get(column);
  }
}
