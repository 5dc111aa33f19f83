package io.sentiflow.schemas.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextNormalizerTest {

  @Test
  void decodesHtmlEntitiesAsTweetsCarryThem() {
    assertThat(TextNormalizer.normalize("Tom &amp; Jerry")).isEqualTo("tom & jerry");
    assertThat(TextNormalizer.normalize("&lt;3 &gt; &quot;hi&quot; &#39;ok&#39; &apos;"))
        .isEqualTo("<3 > \"hi\" 'ok' '");
    assertThat(TextNormalizer.normalize("caf&#233; caf&#xE9; &#x1F60D;")).isEqualTo("café café 😍");
  }

  @Test
  void decodesInOnePassSoEscapedEntitiesStayEntities() {
    assertThat(TextNormalizer.normalize("&amp;lt;")).isEqualTo("&lt;");
  }

  @ParameterizedTest
  @ValueSource(strings = {"at&t", "&bogus;", "&#xzz;", "&#xd800;", "&#99999999;", "&#9999999;", "&#x110000;", "&;", "& amp;",
      "&amp", "a & b;"})
  void leavesMalformedEntitiesAsWritten(String text) {
    assertThat(TextNormalizer.normalize(text)).isEqualTo(text);
  }

  @Test
  void appliesNfkc() {
    assertThat(TextNormalizer.normalize("ＡＢＣ")).isEqualTo("abc");
    assertThat(TextNormalizer.normalize("ｶﾀｶﾅ")).isEqualTo("カタカナ");
    assertThat(TextNormalizer.normalize("ﬁne №1")).isEqualTo("fine no1");
  }

  @Test
  void decodesBeforeNfkcSoEncodedFullWidthIsFolded() {
    assertThat(TextNormalizer.normalize("&#xFF21;")).isEqualTo("a");
  }

  @Test
  void lowerCasesTheSameWhateverTheDefaultLocale() {
    Locale original = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr"));
      assertThat(TextNormalizer.normalize("I LIKE IT")).isEqualTo("i like it"); // not dotless ı
    } finally {
      Locale.setDefault(original);
    }
  }

  @Test
  void writesTypographicApostrophesPlain() {
    assertThat(TextNormalizer.normalize("Don’t ‘quote’ meʼ")).isEqualTo("don't 'quote' me'");
  }

  @Test
  void nullAndEmptyGiveEmpty() {
    assertThat(TextNormalizer.normalize(null)).isEmpty();
    assertThat(TextNormalizer.normalize("")).isEmpty();
  }
}
