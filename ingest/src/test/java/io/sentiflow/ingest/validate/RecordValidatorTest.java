package io.sentiflow.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentiflow.avro.Comment;
import io.sentiflow.avro.Label;
import io.sentiflow.avro.Sentiment;
import io.sentiflow.ingest.privacy.AuthorPseudonymizer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RecordValidatorTest {

  private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
  private final AuthorPseudonymizer pseudonymizer = new AuthorPseudonymizer("k");
  private final RecordValidator validator = new RecordValidator(ValidationRules.defaults().withMaxTextChars(20),
      pseudonymizer, true, Clock.fixed(NOW, ZoneOffset.UTC));

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private String errorOf(Validated<?> v) {
    assertThat(v).isInstanceOf(Validated.Invalid.class);
    return ((Validated.Invalid<?>) v).code();
  }

  @Test
  void validCommentIsPseudonymisedMaskedAndDefaulted() {
    Validated<Comment> v = validator.comment(utf8(
        "{\"id\": 570306133677760513, \"text\": \"hi @dhepburn\", \"author\": \"@Cairdin\", \"eventTime\": \"2026-01-15T11:00:00Z\"}"));

    Comment c = ((Validated.Valid<Comment>) v).record();
    assertThat(c.getId()).isEqualTo("570306133677760513");
    assertThat(c.getText()).isEqualTo("hi @user");
    assertThat(c.getAuthor()).isEqualTo(pseudonymizer.pseudonymOf("cairdin"));
    assertThat(c.getThread()).isEqualTo(RecordValidator.DEFAULT_THREAD);
    assertThat(c.getPlatform()).isEqualTo(RecordValidator.DEFAULT_PLATFORM);
    assertThat(c.getEventTime()).isEqualTo(NOW.minusSeconds(3600).toEpochMilli());
    assertThat(c.getIngestTime()).isEqualTo(NOW.toEpochMilli());
  }

  @Test
  void sameContentSameFingerprintEvenWithoutAnEventTime() {
    byte[] line = utf8("{\"id\": \"a\", \"text\": \"same\"}");
    long first = ((Validated.Valid<Comment>) validator.comment(line)).fingerprint();
    RecordValidator later = new RecordValidator(ValidationRules.defaults(), pseudonymizer, true,
        Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC));

    assertThat(((Validated.Valid<Comment>) later.comment(line)).fingerprint()).isEqualTo(first);
    assertThat(((Validated.Valid<Comment>) later.comment(utf8("{\"id\": \"a\", \"text\": \"other\"}"))).fingerprint())
        .isNotEqualTo(first);
  }

  @Test
  void eachBadCommentGetsItsOwnCode() {
    assertThat(errorOf(validator.comment(utf8("{\"id\": \"a\", \"text\": ")))).isEqualTo("invalid_json");
    assertThat(errorOf(validator.comment(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'})))
        .isEqualTo("invalid_utf8");
    assertThat(errorOf(validator.comment(utf8("[1]")))).isEqualTo("not_an_object");
    assertThat(errorOf(validator.comment(utf8("{\"text\": \"no id\"}")))).isEqualTo("missing_field");
    assertThat(errorOf(validator.comment(utf8("{\"id\": \"a\", \"text\": \"  \"}")))).isEqualTo("missing_field");
    assertThat(errorOf(validator.comment(utf8("{\"id\": \"a\", \"text\": \"" + "x".repeat(21) + "\"}"))))
        .isEqualTo("text_too_long");
    assertThat(errorOf(validator.comment(utf8("{\"id\": \"a\", \"text\": {\"nested\": 1}}")))).isEqualTo("wrong_type");
    assertThat(errorOf(validator.comment(utf8("{\"id\": \"a\", \"text\": \"t\", \"eventTime\": \"2099-01-01T00:00:00Z\"}"))))
        .isEqualTo("bad_time");
    assertThat(errorOf(validator.comment(utf8("{\"id\": \"a\", \"text\": \"t\", \"eventTime\": 0}")))).isEqualTo("bad_time");
    assertThat(errorOf(validator.comment(utf8("{\"id\": \"a\", \"text\": \"t\", \"eventTime\": \"soon\"}"))))
        .isEqualTo("bad_time");
  }

  @Test
  void deadLetterCopiesNeverHoldTheRawHandle() {
    Validated.Invalid<Comment> parsed =
        (Validated.Invalid<Comment>) validator.comment(utf8("{\"id\": \"a\", \"author\": \"secret_person\"}"));
    Validated.Invalid<Comment> broken =
        (Validated.Invalid<Comment>) validator.comment(utf8("{\"id\": \"a\", \"author\": \"secret_person\", \"text\""));

    assertThat(new String(parsed.redacted(), StandardCharsets.UTF_8)).doesNotContain("secret_person")
        .contains(pseudonymizer.pseudonymOf("secret_person"));
    assertThat(new String(broken.redacted(), StandardCharsets.UTF_8)).doesNotContain("secret_person");
    assertThat(parsed.key()).isEqualTo("a");
  }

  @Test
  void labelsNeedAKnownSentiment() {
    Validated<Label> ok = validator.label(utf8("{\"commentId\": \"a\", \"sentiment\": \"Positive\"}"));

    assertThat(((Validated.Valid<Label>) ok).record().getSentiment()).isEqualTo(Sentiment.POSITIVE);
    assertThat(((Validated.Valid<Label>) ok).record().getLabelTime()).isEqualTo(NOW.toEpochMilli());
    assertThat(errorOf(validator.label(utf8("{\"commentId\": \"a\", \"sentiment\": \"ecstatic\"}"))))
        .isEqualTo("unknown_label");
    assertThat(errorOf(validator.label(utf8("{\"sentiment\": \"positive\"}")))).isEqualTo("missing_field");
  }
}
