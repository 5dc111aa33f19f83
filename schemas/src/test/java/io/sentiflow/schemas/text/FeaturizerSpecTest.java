package io.sentiflow.schemas.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.codec.digest.MurmurHash3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeaturizerSpecTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    FeaturizerSpec spec = FeaturizerSpec.defaults();

    assertThat(spec).isEqualTo(new FeaturizerSpec(1, 20, 2, 2, 1));
    assertThat(spec.buckets()).isEqualTo(1_048_576);
    assertThat(spec.canonicalString()).isEqualTo("seed=1;bits=20;word=2;cjk=2;norm=1");
  }

  @Test
  void hashIsMurmur3Of128BitsOverTheCanonicalString() {
    byte[] canonical = "seed=1;bits=20;word=2;cjk=2;norm=1".getBytes(StandardCharsets.UTF_8);

    assertThat(FeaturizerSpec.defaults().hash())
        .isEqualTo(MurmurHash3.hash128x64(canonical, 0, canonical.length, 0)[0])
        // pinned: models on disk and in Kafka carry this value, it must never drift
        .isEqualTo(-5884083129593904077L);
  }

  @Test
  void changingAnyFieldChangesTheHash() {
    FeaturizerSpec base = FeaturizerSpec.defaults();
    List<FeaturizerSpec> variants = List.of(
        base,
        new FeaturizerSpec(2, 20, 2, 2, 1),
        base.withBucketBits(21),
        new FeaturizerSpec(1, 20, 3, 2, 1),
        new FeaturizerSpec(1, 20, 2, 3, 1),
        new FeaturizerSpec(1, 20, 2, 2, 2));

    assertThat(variants.stream().map(FeaturizerSpec::hash).distinct()).hasSize(variants.size());
    assertThat(new FeaturizerSpec(1, 20, 2, 2, 1).hash()).isEqualTo(base.hash());
  }

  @Test
  void withBucketBitsChangesOnlyTheBuckets() {
    FeaturizerSpec spec = new FeaturizerSpec(7, 20, 3, 1, 1).withBucketBits(4);

    assertThat(spec).isEqualTo(new FeaturizerSpec(7, 4, 3, 1, 1));
    assertThat(spec.buckets()).isEqualTo(16);
  }

  @Test
  void acceptsTheEdgesOfTheRanges() {
    assertThat(new FeaturizerSpec(-5, 1, 1, 1, 1).buckets()).isEqualTo(2);
    assertThat(new FeaturizerSpec(0, 30, FeaturizerSpec.MAX_NGRAM, FeaturizerSpec.MAX_NGRAM, 1)
        .buckets()).isEqualTo(1 << 30);
  }

  @ParameterizedTest(name = "bits={0} word={1} cjk={2} norm={3}")
  @CsvSource({
      "0, 2, 2, 1, bucketBits",
      "31, 2, 2, 1, bucketBits",
      "20, 0, 2, 1, maxWordNgram",
      "20, 9, 2, 1, maxWordNgram",
      "20, 2, 0, 1, maxCjkCharNgram",
      "20, 2, 2, 0, normalizerVersion"})
  void rejectsOutOfRangeFields(int bits, int word, int cjk, int norm, String field) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new FeaturizerSpec(1, bits, word, cjk, norm))
        .withMessageContaining(field);
  }
}
