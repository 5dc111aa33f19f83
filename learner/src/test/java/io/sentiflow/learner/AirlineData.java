package io.sentiflow.learner;

import io.sentiflow.avro.Features;
import io.sentiflow.avro.Sentiment;
import io.sentiflow.avro.TrainingExample;
import io.sentiflow.learner.evaluate.CsvMapping;
import io.sentiflow.learner.evaluate.LabelledText;
import io.sentiflow.learner.evaluate.LabelledTextReader;
import io.sentiflow.schemas.text.FeatureVector;
import io.sentiflow.schemas.text.Featurizer;
import io.sentiflow.schemas.text.FeaturizerSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The real US airline tweets, in time order, as texts and as training examples. */
public final class AirlineData {

  private static List<LabelledText> texts;

  private AirlineData() {}

  public static synchronized List<LabelledText> texts() {
    if (texts == null) {
      Path file = Path.of(System.getProperty("sentiflow.data.dir"), "twitter-us-airline-sentiment", "Tweets.csv.gz");
      try {
        texts = List.copyOf(LabelledTextReader.read(file, CsvMapping.airline()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return texts;
  }

  /** The first {@code count} tweets as training examples hashed with {@code spec}. */
  public static List<TrainingExample> examples(int count, FeaturizerSpec spec) {
    Featurizer featurizer = new Featurizer(spec);
    List<TrainingExample> examples = new ArrayList<>(count);
    List<LabelledText> all = texts();
    for (int i = 0; i < count; i++) {
      LabelledText text = all.get(i);
      FeatureVector vector = featurizer.featurize(text.text());
      Features features = Features.newBuilder()
          .setCommentId("airline-" + i)
          .setThread("airline")
          .setLanguage("en")
          .setFeatureIds(Arrays.stream(vector.ids()).boxed().toList())
          .setTerms(Arrays.asList(vector.terms()))
          .setTextLength(text.text().codePointCount(0, text.text().length()))
          .setSpecHash(spec.hash())
          .setEventTime(text.time())
          .setIngestTime(text.time())
          .setFeatureTime(text.time())
          .build();
      examples.add(TrainingExample.newBuilder()
          .setFeatures(features)
          .setLabel(Sentiment.values()[text.label()])
          .setLabelTime(text.time() + 5_000)
          .setLabelDelayMs(5_000)
          .build());
    }
    return examples;
  }
}
