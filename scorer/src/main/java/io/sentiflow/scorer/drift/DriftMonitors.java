package io.sentiflow.scorer.drift;

import io.sentiflow.avro.DriftKind;
import io.sentiflow.avro.Features;
import io.sentiflow.avro.SentimentScore;
import io.sentiflow.schemas.model.ModelWeights;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prediction and data drift over the stream of scored comments: PSI of the predicted-class mix,
 * the confidence histogram, the text-length histogram and the language mix against a reference
 * window, and a rise in the share of feature buckets the served model has never trained.
 */
public final class DriftMonitors {

  static final int CONFIDENCE_BINS = 10;
  static final int LENGTH_BIN_CHARS = 20;
  static final int LENGTH_BINS = 15;
  /** Languages get bins in order of first sighting; later ones, and none, share the last bin. */
  static final int LANGUAGE_BINS = 16;

  private final PsiMonitor classMix;
  private final PsiMonitor confidence;
  private final PsiMonitor textLength;
  private final PsiMonitor languageMix;
  private final MeanRiseMonitor unseenBuckets;
  private final Map<String, Integer> languageBins = new HashMap<>();

  public DriftMonitors(DriftConfig config) {
    int ref = config.referenceSize();
    int win = config.windowSize();
    double t = config.psiThreshold();
    classMix = new PsiMonitor("psi-class-mix", DriftKind.PREDICTION, 3, ref, win, t);
    confidence = new PsiMonitor("psi-confidence", DriftKind.PREDICTION, CONFIDENCE_BINS, ref, win, t);
    textLength = new PsiMonitor("psi-text-length", DriftKind.DATA, LENGTH_BINS, ref, win, t);
    languageMix = new PsiMonitor("psi-language-mix", DriftKind.DATA, LANGUAGE_BINS, ref, win, t);
    unseenBuckets = new MeanRiseMonitor("unseen-buckets", DriftKind.DATA, "share", ref, win,
        config.unseenShareMargin());
  }

  /** Observes one scored comment; returns the signals it completed, usually none. */
  public List<DriftSignal> observe(Features features, SentimentScore score, ModelWeights model) {
    long time = score.getEventTime();
    List<DriftSignal> signals = List.of();
    signals = including(signals, classMix.observe(score.getSentiment().ordinal(), time));
    signals = including(signals, confidence.observe(
        Math.min(CONFIDENCE_BINS - 1, (int) (score.getConfidence() * CONFIDENCE_BINS)), time));
    signals = including(signals, textLength.observe(
        Math.min(LENGTH_BINS - 1, Math.max(0, features.getTextLength()) / LENGTH_BIN_CHARS), time));
    signals = including(signals, languageMix.observe(languageBin(features.getLanguage()), time));
    signals = including(signals, unseenBuckets.observe(unseenShare(features.getFeatureIds(), model), time));
    return signals;
  }

  /** The signals with {@code fired} added if present; a list is made only then, as almost no comment fires one. */
  private static List<DriftSignal> including(List<DriftSignal> signals, Optional<DriftSignal> fired) {
    if (fired.isEmpty()) {
      return signals;
    }
    List<DriftSignal> more = new ArrayList<>(signals);
    more.add(fired.get());
    return more;
  }

  private int languageBin(String language) {
    if (language == null) {
      return LANGUAGE_BINS - 1;
    }
    Integer bin = languageBins.get(language);
    if (bin == null) {
      if (languageBins.size() == LANGUAGE_BINS - 1) {
        return LANGUAGE_BINS - 1;
      }
      bin = languageBins.size();
      languageBins.put(language, bin);
    }
    return bin;
  }

  /** Share of a comment's feature ids whose embedding row the model has never trained. */
  static double unseenShare(List<Integer> featureIds, ModelWeights model) {
    if (featureIds.isEmpty()) {
      return 0;
    }
    int unseen = 0;
    for (int id : featureIds) {
      if (model.row(id) == null) {
        unseen++;
      }
    }
    return (double) unseen / featureIds.size();
  }
}
