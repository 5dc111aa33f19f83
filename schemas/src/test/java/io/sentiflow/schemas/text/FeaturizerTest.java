package io.sentiflow.schemas.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FeaturizerTest {

  private final Featurizer featurizer = new Featurizer(FeaturizerSpec.defaults());

  private String[] terms(String text) {
    return featurizer.featurize(text).terms();
  }

  @Test
  void featurizesAnEnglishTweet() {
    FeatureVector vector =
        featurizer.featurize("@united thanks for the great flight!!! http://t.co/abc");

    assertThat(vector.terms()).containsExactly(
        "<user>", "thanks", "<user> thanks", "for", "thanks for", "the", "for the",
        "great", "the great", "flight", "great flight", "!!", "flight !!", "<url>", "!! <url>");
    assertThat(vector.size()).isEqualTo(15);
  }

  @Test
  void eachIdIsTheBucketOfItsTerm() {
    FeatureVector vector = featurizer.featurize("I am sooooo happy :) 我很喜欢");

    assertThat(IntStream.range(0, vector.size()))
        .allSatisfy(i -> assertThat(vector.ids()[i])
            .isEqualTo(featurizer.bucketOf(vector.terms()[i])));
  }

  @Test
  void bucketOfIsStableAcrossRuns() {
    // pinned: murmur3_32("great", seed 1) mod 2^20; a change would orphan every trained model
    assertThat(featurizer.bucketOf("great")).isEqualTo(397_740);
    assertThat(featurizer.bucketOf("我很")).isEqualTo(866_369);
  }

  @Test
  void squashesElongationAndMapsEmoticons() {
    assertThat(terms("I am sooooo happy :)"))
        .contains("soo", "soo happy", "<smile>", "happy <smile>")
        .doesNotContain("sooooo", ":)");
  }

  @Test
  void negationPrefixesFlowIntoNgrams() {
    assertThat(terms("I don't like this, but ok"))
        .contains("don't neg_like", "neg_like neg_this", "neg_this but", "but ok")
        .doesNotContain("like", "this", "neg_but");
  }

  @Test
  void decodesHtmlEntities() {
    assertThat(terms("Tom &amp; Jerry")).containsExactly("tom", "jerry", "tom jerry");
  }

  @Test
  void foldsFullWidthLetters() {
    assertThat(terms("ＡＢＣ")).containsExactly("abc");
  }

  @Test
  void featurizesChineseWithCharacterUnigramsAndBigrams() {
    assertThat(terms("我很喜欢")).containsExactly("我", "很", "我很", "喜", "很喜", "欢", "喜欢");
  }

  @Test
  void longerCjkNgramsFollowTheSpec() {
    Featurizer trigrams = new Featurizer(new FeaturizerSpec(1, 20, 1, 3, 1));

    assertThat(trigrams.featurize("我很喜欢").terms())
        .containsExactly("我", "很", "我很", "喜", "很喜", "我很喜", "欢", "喜欢", "很喜欢");
  }

  @Test
  void featurizesJapaneseKana() {
    assertThat(terms("ありがとう"))
        .containsExactly("あ", "り", "あり", "が", "りが", "と", "がと", "う", "とう");
  }

  @Test
  void mixesCjkCharacterNgramsWithEnglishWordNgrams() {
    assertThat(terms("我爱这家航空公司 great service"))
        .contains("我爱", "航空", "公司", "司", "great", "service", "great service")
        .noneMatch(term -> term.contains("司") && term.contains("great"));
  }

  @Test
  void wordNgramsDoNotSpanACjkRun() {
    assertThat(terms("good 好 service")).containsExactly("good", "好", "service");
  }

  @Test
  void featurizesEmojiOnlyText() {
    assertThat(terms("😍😍😍"))
        .isNotEmpty()
        .contains("<emoji_pos>", "<emoji_pos> <emoji_pos>")
        .allMatch(term -> term.matches("<emoji_pos>( <emoji_pos>)*"));
  }

  @Test
  void replacesNumbers() {
    assertThat(terms("waited 3.5 hours for 1,000 miles, 10% refund"))
        .contains("<num>", "waited <num>", "<num> hours")
        .noneMatch(term -> term.matches(".*\\d.*"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t\n\u3000", "...", ",;-()[]\"' . :"})
  void givesTheEmptyVectorWhenThereIsNothingToRead(String text) {
    FeatureVector vector = featurizer.featurize(text);

    assertThat(vector.size()).isZero();
    assertThat(vector.ids()).isEmpty();
    assertThat(vector.terms()).isEmpty();
  }

  @Test
  void capsTheWorkOnA10000CharacterText() {
    String text = "the great flight!!! ".repeat(500); // 10,000 chars, 2,000 tokens
    assertThat(text).hasSize(10_000);

    FeatureVector vector = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> featurizer.featurize(text + "tail words beyond the cap"));

    long unigrams = Arrays.stream(vector.terms()).filter(t -> !t.contains(" ")).count();
    assertThat(unigrams).isEqualTo(Tokenizer.MAX_TOKENS);
    assertThat(vector.terms()).doesNotContain("tail");
    assertThat(Arrays.stream(vector.ids())).allMatch(id -> id >= 0 && id < featurizer.spec().buckets());
  }

  @Test
  void survivesHugeAndMalformedText() {
    String[] texts = {
        "x".repeat(2_000_000), "&".repeat(100_000), "好".repeat(100_000), "\uD83D", "a\uDE0Db",
        "😍".repeat(20_000) + "\uD83D", "\u0000\u0007", "\u0301\u0301", "&#", "http://", "@", "#"};

    for (String text : texts) {
      FeatureVector vector = featurizer.featurize(text);
      assertThat(vector.ids()).hasSameSizeAs(vector.terms());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4, 20, 30})
  void idsStayWithinTheBuckets(int bits) {
    Featurizer small = new Featurizer(FeaturizerSpec.defaults().withBucketBits(bits));

    FeatureVector vector =
        small.featurize("@united I can't believe it 😡 lost my bag AGAIN!!! 我很生气 #fail");

    assertThat(vector.size()).isGreaterThan(10);
    assertThat(Arrays.stream(vector.ids())).allMatch(id -> id >= 0 && id < (1 << bits));
  }

  @Test
  void sameTextGivesSameIds() {
    String text = "Flight 2 delayed, no info :( 太慢了";

    FeatureVector first = featurizer.featurize(text);
    FeatureVector second = new Featurizer(FeaturizerSpec.defaults()).featurize(text);

    assertThat(second).isEqualTo(first);
    assertThat(second.ids()).isEqualTo(first.ids());
  }

  @Test
  void differentSeedGivesDifferentIds() {
    String text = "thanks for the great flight";
    Featurizer reseeded = new Featurizer(new FeaturizerSpec(2, 20, 2, 2, 1));

    FeatureVector original = featurizer.featurize(text);
    FeatureVector other = reseeded.featurize(text);

    assertThat(other.terms()).isEqualTo(original.terms());
    assertThat(other.ids()).isNotEqualTo(original.ids());
  }

  @Test
  void unigramsOnlyWhenMaxWordNgramIsOne() {
    Featurizer unigrams = new Featurizer(new FeaturizerSpec(1, 20, 1, 1, 1));

    assertThat(unigrams.featurize("great flight 我很").terms())
        .containsExactly("great", "flight", "我", "很");
  }

  @Test
  void rejectsSpecsItCannotHonour() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Featurizer(new FeaturizerSpec(1, 20, 2, 2, 2)))
        .withMessageContaining("normalizerVersion 2");
    assertThatNullPointerException().isThrownBy(() -> new Featurizer(null));
  }

  @Test
  void featureVectorPairsIdsWithTerms() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new FeatureVector(new int[] {1}, new String[0]));
    assertThat(new FeatureVector(new int[] {1}, new String[] {"a"}))
        .isEqualTo(new FeatureVector(new int[] {1}, new String[] {"a"}))
        .hasSameHashCodeAs(new FeatureVector(new int[] {1}, new String[] {"a"}));
  }
}
