package io.sentiflow.ingest.replay;

import static io.sentiflow.ingest.validate.FieldValues.blankToNull;
import static io.sentiflow.ingest.validate.FieldValues.orDefault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sentiflow.avro.Sentiment;
import io.sentiflow.ingest.privacy.AuthorPseudonymizer;
import io.sentiflow.ingest.privacy.JsonFieldMasker;
import io.sentiflow.ingest.privacy.MentionMasker;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Validates a source row against the dataset's column mapping and turns it into a record or a dead letter. */
final class RowMapper {

  static final int MAX_ID_CHARS = 256;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

  private final DatasetSpec spec;
  private final ColumnMapping columns;
  private final AuthorPseudonymizer pseudonymizer;
  private final boolean maskMentions;
  private final int maxTextChars;

  RowMapper(DatasetSpec spec, AuthorPseudonymizer pseudonymizer, boolean maskMentions, int maxTextChars) {
    this.spec = spec;
    this.columns = spec.columns();
    this.pseudonymizer = pseudonymizer;
    this.maskMentions = maskMentions;
    this.maxTextChars = maxTextChars;
  }

  MappedRow map(SourceRow row) {
    if (row.problem() != null) {
      return invalid(row, row.problem(), null);
    }
    String id = columns.id() == null ? spec.defaultThread() + "-" + row.number() : blankToNull(row.field(columns.id()));
    if (id == null) {
      return invalid(row, "missing id (column '" + columns.id() + "')", null);
    }
    if (id.length() > MAX_ID_CHARS) {
      return invalid(row, "id longer than " + MAX_ID_CHARS + " characters", null);
    }
    String text = blankToNull(row.field(columns.text()));
    if (text == null) {
      return invalid(row, "missing text (column '" + columns.text() + "')", id);
    }
    if (spec.decodeUnicodeEscapes()) {
      text = decodeUnicodeEscapes(text);
    }
    if (text.length() > maxTextChars) {
      return invalid(row, "text has " + text.length() + " characters, more than the limit of " + maxTextChars, id);
    }
    if (maskMentions) {
      text = MentionMasker.mask(text);
    }
    long eventTime;
    if (columns.time() == null) {
      eventTime = spec.syntheticStart().toEpochMilli() + (row.number() - 1) * spec.syntheticStep().toMillis();
    } else {
      String time = blankToNull(row.field(columns.time()));
      if (time == null) {
        return invalid(row, "missing time (column '" + columns.time() + "')", id);
      }
      try {
        eventTime = spec.timeFormat().parseMillis(time);
      } catch (IllegalArgumentException e) {
        return invalid(row, "bad timestamp: " + e.getMessage(), id);
      }
    }
    Sentiment label = null;
    String labelValue = blankToNull(row.field(columns.label()));
    if (labelValue != null) {
      Optional<Sentiment> sentiment = spec.labels().sentimentOf(labelValue);
      if (sentiment.isEmpty()) {
        return invalid(row, "unknown label '" + labelValue + "' (known: " + spec.labels().values().keySet() + ")", id);
      }
      label = sentiment.get();
    }
    String thread = orDefault(row.field(columns.thread()), spec.defaultThread());
    String language = orDefault(row.field(columns.language()), spec.defaultLanguage());
    String author = pseudonymizer.pseudonymOf(row.field(columns.author()));
    return new MappedRow.Valid(new DatasetRecord(id, thread, author, text, language, eventTime, label));
  }

  private MappedRow invalid(SourceRow row, String reason, String id) {
    byte[] key = id == null ? null : id.getBytes(StandardCharsets.UTF_8);
    return new MappedRow.Invalid(row.number(), "row " + row.number() + ": " + reason, key, redactedOriginal(row));
  }

  /** The row as JSON with its author pseudonymised; an unparsable line with any author field masked. */
  private byte[] redactedOriginal(SourceRow row) {
    if (row.problem() != null) {
      return maskAuthorField(row.raw()).getBytes(StandardCharsets.UTF_8);
    }
    Map<String, String> fields = new LinkedHashMap<>(row.fields());
    String handle = row.field(columns.author());
    String rendered;
    try {
      if (handle != null) {
        fields.put(columns.author(), pseudonymizer.pseudonymOf(handle));
      }
      rendered = JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      rendered = fields.keySet().toString();
    }
    if (handle != null && !handle.isBlank()) {
      // The handle may also sit in other columns (e.g. nested JSON the pointer reached into).
      rendered = rendered.replace(handle.strip(), pseudonymizer.pseudonymOf(handle));
    }
    return rendered.getBytes(StandardCharsets.UTF_8);
  }

  private String maskAuthorField(String raw) {
    if (columns.author() == null) {
      return raw;
    }
    // A JSON pointer such as /user/name names the field by its last step.
    return JsonFieldMasker.mask(raw, columns.author().substring(columns.author().lastIndexOf('/') + 1));
  }

  static String decodeUnicodeEscapes(String text) {
    if (text.indexOf("\\u") < 0) {
      return text;
    }
    return UNICODE_ESCAPE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
        String.valueOf((char) Integer.parseInt(m.group(1), 16))));
  }

}
