package io.sentiflow.ops.bench;

import io.sentiflow.learner.evaluate.LabelledText;
import io.sentiflow.schemas.text.FeatureVector;
import io.sentiflow.schemas.text.Featurizer;
import io.sentiflow.schemas.text.FeaturizerSpec;
import io.sentiflow.schemas.text.TextNormalizer;
import io.sentiflow.schemas.text.Tokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH: what the text pipeline costs per comment, on the real airline tweets. Each operation takes
 * the next tweet of the file, cycling, so ns/op is ns per comment averaged over the file's mix.
 * {@code featurize} is the whole pipeline the feature job runs per comment; the other three are its
 * steps, each fed the previous step's output computed up front. Run by {@code sentiflow bench
 * features} with short settings (see {@link FeaturizerCost}), or alone from the repository root:
 * <pre>java -cp ops/target/sentiflow.jar org.openjdk.jmh.Main FeaturizerBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FeaturizerBenchmark {

  /** The shared data directory, as {@code --data-dir} of the bench commands. */
  @Param("../shared/data")
  public String dataDir;

  private final Featurizer featurizer = new Featurizer(FeaturizerSpec.defaults());
  private String[] texts;
  private String[] normalized;
  private String[][] terms;
  private int next;

  @Setup
  public void readTweets() throws IOException {
    List<LabelledText> tweets = AirlineData.read(Path.of(dataDir));
    texts = tweets.stream().map(LabelledText::text).toArray(String[]::new);
    normalized = tweets.stream().map(t -> TextNormalizer.normalize(t.text())).toArray(String[]::new);
    terms = tweets.stream().map(t -> featurizer.featurize(t.text()).terms()).toArray(String[][]::new);
  }

  /** Normalise, tokenise and hash one comment: the featurizer as the feature job calls it. */
  @Benchmark
  public FeatureVector featurize() {
    return featurizer.featurize(texts[nextComment()]);
  }

  @Benchmark
  public String normalize() {
    return TextNormalizer.normalize(texts[nextComment()]);
  }

  @Benchmark
  public List<String> tokenize() {
    return Tokenizer.tokenize(normalized[nextComment()]);
  }

  /** Hashes the terms of one comment (its word unigrams and bigrams) into buckets. */
  @Benchmark
  public void hash(Blackhole ids) {
    for (String term : terms[nextComment()]) {
      ids.consume(featurizer.bucketOf(term));
    }
  }

  private int nextComment() {
    int comment = next;
    next = comment + 1 == texts.length ? 0 : comment + 1;
    return comment;
  }
}
