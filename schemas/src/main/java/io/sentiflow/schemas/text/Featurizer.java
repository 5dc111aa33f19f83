package io.sentiflow.schemas.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Turns a comment into hashed feature ids, fastText style: the text is normalised ({@link
 * TextNormalizer}) and tokenised ({@link Tokenizer}); the terms are word unigrams and word n-grams
 * up to {@link FeaturizerSpec#maxWordNgram()} (joined with a space), plus character n-grams up to
 * {@link FeaturizerSpec#maxCjkCharNgram()} within each CJK run. Each term is hashed into one of
 * {@link FeaturizerSpec#buckets()} buckets.
 *
 * <p>Terms come in text order: at each token, its unigram, then the longer n-grams ending there.
 * Word n-grams do not span a CJK run. Immutable and thread-safe; share one instance.
 */
public final class Featurizer {

  /**
   * Characters of a text that are read; with {@link Tokenizer#MAX_TOKENS} this bounds the work per
   * comment however large the input.
   */
  public static final int MAX_TEXT_CHARS = 32_768;

  private final FeaturizerSpec spec;

  /** @throws IllegalArgumentException if the spec asks for another normaliser version */
  public Featurizer(FeaturizerSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
    if (spec.normalizerVersion() != TextNormalizer.VERSION) {
      throw new IllegalArgumentException("normalizerVersion " + spec.normalizerVersion()
          + " is not supported; this featurizer implements version " + TextNormalizer.VERSION);
    }
  }

  public FeaturizerSpec spec() {
    return spec;
  }

  /** The features of a text; never throws, and null or empty text gives the empty vector. */
  public FeatureVector featurize(String text) {
    if (text == null || text.isEmpty()) {
      return FeatureVector.empty();
    }
    List<String> terms = terms(TextNormalizer.normalize(truncate(text)));
    int[] ids = new int[terms.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = bucketOf(terms.get(i));
    }
    return new FeatureVector(ids, terms.toArray(String[]::new));
  }

  /** {@code floorMod(murmur3_32(UTF-8 term, seed), buckets)}. */
  public int bucketOf(String term) {
    byte[] utf8 = term.getBytes(StandardCharsets.UTF_8);
    return Math.floorMod(MurmurHash3.hash32x86(utf8, 0, utf8.length, spec.seed()), spec.buckets());
  }

  private List<String> terms(String normalized) {
    List<String> terms = new ArrayList<>();
    List<String> wordRun = new ArrayList<>();
    for (Tokenizer.Token token : Tokenizer.tokens(normalized)) {
      if (token.cjkRun()) {
        wordRun.clear();
        addCharNgrams(token.text(), terms);
      } else {
        wordRun.add(token.text());
        addWordNgramsEndingAtLast(wordRun, terms);
      }
    }
    return terms;
  }

  private void addWordNgramsEndingAtLast(List<String> words, List<String> terms) {
    int last = words.size() - 1;
    String ngram = words.get(last);
    terms.add(ngram);
    for (int n = 2; n <= spec.maxWordNgram() && n <= words.size(); n++) {
      ngram = words.get(last - n + 1) + ' ' + ngram;
      terms.add(ngram);
    }
  }

  private void addCharNgrams(String run, List<String> terms) {
    int[] chars = run.codePoints().toArray();
    for (int end = 1; end <= chars.length; end++) {
      for (int n = 1; n <= spec.maxCjkCharNgram() && n <= end; n++) {
        terms.add(new String(chars, end - n, n));
      }
    }
  }

  /** Cuts to {@link #MAX_TEXT_CHARS} without splitting a surrogate pair. */
  private static String truncate(String text) {
    if (text.length() <= MAX_TEXT_CHARS) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(MAX_TEXT_CHARS - 1))
        ? MAX_TEXT_CHARS - 1
        : MAX_TEXT_CHARS;
    return text.substring(0, end);
  }
}
