package io.sentiflow.schemas.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenizerTest {

  private static List<String> tokens(String raw) {
    return Tokenizer.tokenize(TextNormalizer.normalize(raw));
  }

  @Test
  void tokenizesATweet() {
    assertThat(tokens("@united thanks for the great flight!!! http://t.co/abc"))
        .containsExactly("<user>", "thanks", "for", "the", "great", "flight", "!!", "<url>");
  }

  @Test
  void squashesElongations() {
    assertThat(tokens("I am sooooo happy :)"))
        .containsExactly("i", "am", "soo", "happy", "<smile>");
    assertThat(tokens("gooood too sweeet")).containsExactly("good", "too", "sweet");
    assertThat(tokens("!!!! ???")).containsExactly("!!", "??");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      ":)|<smile>", ":-)|<smile>", "=)|<smile>", "^_^|<smile>",
      ":D|<laugh>", "xD|<laugh>",
      ";)|<wink>", ":P|<tongue>", "<3|<heart>", "&lt;3|<heart>",
      ":(|<sad>", ":-(|<sad>", ":'(|<sad>", "T_T|<sad>",
      ":/|<annoyed>", ":\\|<annoyed>", "-_-|<annoyed>"})
  void mapsEmoticonsToSentimentTokens(String emoticon, String token) {
    assertThat(tokens("ok " + emoticon + " ok")).containsExactly("ok", token, "ok");
  }

  @Test
  void readsEmoticonsGluedToWords() {
    assertThat(tokens("happy:) sad:(")).containsExactly("happy", "<smile>", "sad", "<sad>");
  }

  @Test
  void doesNotSeeEmoticonsInsideLongerWordsOrNumbers() {
    assertThat(tokens("re:dinner xdd <30 mins")).containsExactly("re", "dinner", "xdd", "<num>",
        "mins");
  }

  @Test
  void mapsEmojiBySentiment() {
    assertThat(tokens("😀😂😊😍❤👍")).containsOnly(Emoticons.EMOJI_POSITIVE).hasSize(6);
    assertThat(tokens("😠😡😢😭👎💔")).containsOnly(Emoticons.EMOJI_NEGATIVE).hasSize(6);
    assertThat(tokens("✈ 🚀")).containsExactly(Emoticons.EMOJI_OTHER, Emoticons.EMOJI_OTHER);
  }

  @Test
  void skinTonesAndVariationSelectorsAddNoTokens() {
    assertThat(tokens("👍🏽 ❤️")).containsExactly("<emoji_pos>", "<emoji_pos>");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://t.co/abc", "https://united.com/a?b=1&c=2", "www.united.com",
      "HTTPS://T.CO/X"})
  void replacesUrls(String url) {
    assertThat(tokens("see " + url + " now")).containsExactly("see", "<url>", "now");
  }

  @Test
  void givesTrailingPunctuationBackFromUrls() {
    assertThat(tokens("look http://t.co/x! (www.a.com)")).containsExactly("look", "<url>", "!",
        "<url>");
  }

  @Test
  void replacesMentionsAndKeepsHashtags() {
    assertThat(tokens("@VirginAmerica_1 #Delayed again #fail!!!"))
        .containsExactly("<user>", "#delayed", "again", "#fail", "!!");
    assertThat(tokens("# @ alone")).containsExactly("alone");
  }

  @Test
  void replacesNumbersButKeepsOrdinals() {
    assertThat(tokens("1,000 bags 3.5 hrs 10% off 42 2nd"))
        .containsExactly("<num>", "bags", "<num>", "hrs", "<num>", "off", "<num>", "2nd");
  }

  @Test
  void keepsOnlyExclamationAndQuestionMarks() {
    assertThat(tokens("why?! \"fine\" (ok) - well... yes; no-way"))
        .containsExactly("why", "?!", "fine", "ok", "well", "yes", "no", "neg_way");
  }

  @Test
  void keepsApostrophesInsideWordsOnly() {
    assertThat(tokens("it's 'quoted' students' rock'n'roll"))
        .containsExactly("it's", "quoted", "students", "rock'n'roll");
  }

  @Test
  void prefixesWordsInNegationScopeUntilClausePunctuation() {
    assertThat(tokens("I don't like this, but ok"))
        .containsExactly("i", "don't", "neg_like", "neg_this", "but", "ok");
    assertThat(tokens("not good at all. great"))
        .containsExactly("not", "neg_good", "neg_at", "neg_all", "great");
    assertThat(tokens("never again! love it")).containsExactly("never", "neg_again", "!", "love",
        "it");
  }

  @ParameterizedTest
  @ValueSource(strings = {"no", "never", "cannot", "nothing", "nobody", "without", "isn't",
      "can't", "dont", "Don’t"})
  void recognisesNegators(String negator) {
    assertThat(tokens(negator + " happy")).endsWith("neg_happy");
  }

  @Test
  void neverPrefixesPlaceholders() {
    assertThat(tokens("not @united http://t.co/x 5 :) 😍 #fun"))
        .containsExactly("not", "<user>", "<url>", "<num>", "<smile>", "<emoji_pos>", "neg_#fun");
  }

  @Test
  void splitsChineseIntoCharacters() {
    assertThat(tokens("我很喜欢")).containsExactly("我", "很", "喜", "欢");
  }

  @Test
  void splitsJapaneseKanaAndKoreanIntoCharacters() {
    assertThat(tokens("ありがとう")).containsExactly("あ", "り", "が", "と", "う");
    assertThat(tokens("コーヒー")).containsExactly("コ", "ー", "ヒ", "ー");
    assertThat(tokens("감사합니다")).containsExactly("감", "사", "합", "니", "다");
  }

  @Test
  void keepsEnglishWordsInMixedText() {
    assertThat(tokens("我爱这家航空公司 great service"))
        .containsExactly("我", "爱", "这", "家", "航", "空", "公", "司", "great", "service");
  }

  @Test
  void keepsCjkRunsApartAcrossPunctuation() {
    assertThat(Tokenizer.tokens("我很,喜欢")).containsExactly(
        new Tokenizer.Token("我很", true), new Tokenizer.Token("喜欢", true));
  }

  @Test
  void stopsAtMaxTokens() {
    assertThat(tokens("word ".repeat(3_000))).hasSize(Tokenizer.MAX_TOKENS);
    assertThat(tokens("我爱".repeat(1_500))).hasSize(Tokenizer.MAX_TOKENS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   \t\n", "...,,;;--", "(\"'/)"})
  void givesNoTokensForNothingToRead(String text) {
    assertThat(tokens(text)).isEmpty();
  }

  @Test
  void nullGivesNoTokens() {
    assertThat(Tokenizer.tokenize(null)).isEmpty();
  }

  @Test
  void squashRepeatsKeepsTwoOfEachRun() {
    assertThat(Tokenizer.squashRepeats("aaabbbbcc😍😍😍")).isEqualTo("aabbcc😍😍");
  }
}
