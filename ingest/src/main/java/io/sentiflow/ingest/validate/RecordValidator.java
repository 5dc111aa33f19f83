package io.sentiflow.ingest.validate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sentiflow.avro.Comment;
import io.sentiflow.avro.Label;
import io.sentiflow.avro.Sentiment;
import io.sentiflow.ingest.privacy.AuthorPseudonymizer;
import io.sentiflow.ingest.privacy.JsonFieldMasker;
import io.sentiflow.ingest.privacy.MentionMasker;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Turns one JSON line sent by a client into a {@link Comment} or {@link Label}, or says precisely
 * why it cannot. Comments: {@code id} and {@code text} required; {@code thread}, {@code author},
 * {@code platform}, {@code language} and {@code eventTime} (epoch millis or ISO-8601, default now)
 * optional. Labels: {@code commentId} and {@code sentiment} ({@code negative}, {@code neutral},
 * {@code positive}) required; {@code source} and {@code labelTime} optional. Unknown fields are
 * ignored. Author handles are pseudonymised here, so nothing downstream ever holds one. Thread-safe.
 */
public final class RecordValidator {

  public static final String DEFAULT_THREAD = "default";
  public static final String DEFAULT_PLATFORM = "api";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] COMMENT_FIELDS = {"id", "text", "eventTime", "thread", "platform", "language", "author"};
  private static final String[] LABEL_FIELDS = {"commentId", "sentiment", "labelTime", "source"};

  private final ValidationRules rules;
  private final AuthorPseudonymizer pseudonymizer;
  private final boolean maskMentions;
  private final Clock clock;

  public RecordValidator(ValidationRules rules, AuthorPseudonymizer pseudonymizer, boolean maskMentions, Clock clock) {
    this.rules = rules;
    this.pseudonymizer = pseudonymizer;
    this.maskMentions = maskMentions;
    this.clock = clock;
  }

  /** Thrown inside validation to stop at the first problem of a line. */
  private static final class Problem extends Exception {
    final String code;

    Problem(String code, String reason) {
      super(reason, null, false, false);
      this.code = code;
    }
  }

  /**
   * The top-level fields a record type reads: each one's token type and, for scalars, its text
   * (the last occurrence wins). Other fields are skipped without being decoded.
   */
  private static final class Fields {
    private final String[] names;
    private final JsonToken[] tokens;
    private final String[] texts;

    Fields(String[] names) {
      this.names = names;
      this.tokens = new JsonToken[names.length];
      this.texts = new String[names.length];
    }

    /** Position of {@code name} among the fields read, or -1 for a field that is skipped. */
    int indexOf(String name) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(name)) {
          return i;
        }
      }
      return -1;
    }

    void set(int index, JsonToken token, String text) {
      tokens[index] = token;
      texts[index] = text;
    }

    /** The token of {@code name}, or null when the line does not have it. */
    JsonToken token(String name) {
      return tokens[indexOf(name)];
    }

    String text(String name) {
      return texts[indexOf(name)];
    }
  }

  public Validated<Comment> comment(byte[] line) {
    return comment(line, 0, line.length);
  }

  /** As {@link #comment(byte[])}, for the {@code length} bytes of {@code source} from {@code offset}. */
  public Validated<Comment> comment(byte[] source, int offset, int length) {
    String id = null;
    try {
      Fields fields = fields(source, offset, length, COMMENT_FIELDS);
      id = requiredText(fields, "id", rules.maxIdChars(), "id_too_long");
      String text = requiredText(fields, "text", rules.maxTextChars(), "text_too_long");
      String rawTime = optionalText(fields, "eventTime", 64);
      long eventTime = rawTime == null ? clock.millis() : time("eventTime", rawTime);
      String thread = FieldValues.orDefault(optionalText(fields, "thread", rules.maxFieldChars()), DEFAULT_THREAD);
      String platform = FieldValues.orDefault(optionalText(fields, "platform", rules.maxFieldChars()),
          DEFAULT_PLATFORM);
      String language = optionalText(fields, "language", 35);
      String author = pseudonymizer.pseudonymOf(optionalText(fields, "author", rules.maxFieldChars()));
      // The all-fields constructor: every field is set, and the builder's per-field checks cost on this hot path.
      Comment comment = new Comment(id, platform, thread, author, maskMentions ? MentionMasker.mask(text) : text,
          language, eventTime, clock.millis());
      long fingerprint = DuplicateFilter.fingerprint(platform, thread, author, text, language, rawTime);
      return new Validated.Valid<>(comment, id, fingerprint);
    } catch (Problem p) {
      return new Validated.Invalid<>(p.code, p.getMessage(), id, redact(source, offset, length));
    }
  }

  public Validated<Label> label(byte[] line) {
    return label(line, 0, line.length);
  }

  /** As {@link #label(byte[])}, for the {@code length} bytes of {@code source} from {@code offset}. */
  public Validated<Label> label(byte[] source, int offset, int length) {
    String commentId = null;
    try {
      Fields fields = fields(source, offset, length, LABEL_FIELDS);
      commentId = requiredText(fields, "commentId", rules.maxIdChars(), "id_too_long");
      Sentiment sentiment = sentiment(requiredText(fields, "sentiment", 32, "unknown_label"));
      String rawTime = optionalText(fields, "labelTime", 64);
      long labelTime = rawTime == null ? clock.millis() : time("labelTime", rawTime);
      String labelSource = FieldValues.orDefault(optionalText(fields, "source", rules.maxFieldChars()),
          DEFAULT_PLATFORM);
      Label label = new Label(commentId, sentiment, labelSource, labelTime);
      return new Validated.Valid<>(label, commentId, DuplicateFilter.fingerprint(sentiment, labelSource, rawTime));
    } catch (Problem p) {
      return new Validated.Invalid<>(p.code, p.getMessage(), commentId, redact(source, offset, length));
    }
  }

  /** The named top-level fields of a JSON object, read with the streaming parser (no tree is built). */
  private static Fields fields(byte[] source, int offset, int length, String[] names) throws Problem {
    requireUtf8(source, offset, length);
    Fields fields = new Fields(names);
    try (JsonParser parser = JSON.getFactory().createParser(source, offset, length)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new Problem("invalid_json", "broken JSON: no value");
      }
      if (first != JsonToken.START_OBJECT) {
        throw new Problem("not_an_object", "expected a JSON object, got " + describe(first));
      }
      for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
        int index = fields.indexOf(parser.currentName());
        JsonToken value = parser.nextToken();
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
          parser.skipChildren();
          if (index >= 0) {
            fields.set(index, value, null);
          }
        } else if (index >= 0) {
          fields.set(index, value, value == JsonToken.VALUE_NULL ? null : parser.getText());
        }
      }
      if (parser.nextToken() != null) {
        throw new Problem("invalid_json", "broken JSON: more than one value on the line");
      }
    } catch (JsonProcessingException e) {
      throw new Problem("invalid_json", "broken JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new Problem("invalid_json", "broken JSON: " + e.getMessage());
    }
    return fields;
  }

  /** Strict UTF-8, checked separately so the answer can say so (ASCII lines, the common case, skip the decoder). */
  private static void requireUtf8(byte[] source, int offset, int length) throws Problem {
    for (int i = offset; i < offset + length; i++) {
      if (source[i] < 0) {
        try {
          StandardCharsets.UTF_8.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(source, offset, length));
          return;
        } catch (CharacterCodingException e) {
          throw new Problem("invalid_utf8", "not valid UTF-8 (" + e.getMessage() + ")");
        }
      }
    }
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.name().toLowerCase(Locale.ROOT);
    };
  }

  private static String requiredText(Fields fields, String name, int maxChars, String tooLongCode)
      throws Problem {
    String value = optionalText(fields, name, maxChars, tooLongCode);
    if (value == null) {
      throw new Problem("missing_field", "missing " + name);
    }
    return value;
  }

  private static String optionalText(Fields fields, String name, int maxChars) throws Problem {
    return optionalText(fields, name, maxChars, "field_too_long");
  }

  /** A string or number field, stripped; null when absent, null or blank. */
  private static String optionalText(Fields fields, String name, int maxChars, String tooLongCode)
      throws Problem {
    JsonToken token = fields.token(name);
    if (token == null || token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (!token.isScalarValue() || token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      throw new Problem("wrong_type", name + " must be a string, not " + describe(token));
    }
    String text = FieldValues.blankToNull(fields.text(name));
    if (text != null && text.length() > maxChars) {
      throw new Problem(tooLongCode, name + " has " + text.length() + " characters, more than the limit of "
          + maxChars);
    }
    return text;
  }

  /** Epoch millis (a number or a string of digits) or ISO-8601, within the sane window. */
  private long time(String name, String text) throws Problem {
    long millis;
    try {
      millis = isEpochMillis(text) ? Long.parseLong(text) : FieldValues.isoMillis(text);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new Problem("bad_time", name + " '" + text + "' is neither epoch milliseconds nor an ISO-8601 time");
    }
    if (millis < rules.earliestTime().toEpochMilli()) {
      throw new Problem("bad_time", name + " " + Instant.ofEpochMilli(millis) + " is before the earliest accepted time "
          + rules.earliestTime());
    }
    if (millis > clock.millis() + rules.maxFutureSkew().toMillis()) {
      throw new Problem("bad_time", name + " " + Instant.ofEpochMilli(millis) + " is in the future (more than "
          + rules.maxFutureSkew().toSeconds() + " s ahead of now)");
    }
    return millis;
  }

  /** An optional minus sign and 1 to 18 digits: a long that cannot overflow. */
  private static boolean isEpochMillis(String text) {
    int start = text.startsWith("-") ? 1 : 0;
    int digits = text.length() - start;
    if (digits < 1 || digits > 18) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static Sentiment sentiment(String value) throws Problem {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "negative" -> Sentiment.NEGATIVE;
      case "neutral" -> Sentiment.NEUTRAL;
      case "positive" -> Sentiment.POSITIVE;
      default -> throw new Problem("unknown_label",
          "unknown sentiment '" + value + "' (known: negative, neutral, positive)");
    };
  }

  /** The line for a dead letter, with the author handle replaced by its pseudonym (or masked when unparsable). */
  private byte[] redact(byte[] source, int offset, int length) {
    byte[] line = Arrays.copyOfRange(source, offset, offset + length);
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (IOException e) {
      node = null;
    }
    if (node instanceof ObjectNode object) {
      JsonNode author = object.get("author");
      if (author == null || author.isNull()) {
        return line;
      }
      object.put("author", pseudonymizer.pseudonymOf(author.asText()));
      return object.toString().getBytes(StandardCharsets.UTF_8);
    }
    return maskAuthorFields(line);
  }

  /**
   * {@code bytes} with the value of every {@code "author": "..."} masked: for dead letters of input
   * that is not parsed (a whole request body turned away, a broken line).
   */
  public static byte[] maskAuthorFields(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    String masked = JsonFieldMasker.mask(text, "author");
    // Unmasked input keeps its exact bytes: decoding would turn invalid UTF-8 into U+FFFD.
    return masked == text ? bytes : masked.getBytes(StandardCharsets.UTF_8);
  }
}
