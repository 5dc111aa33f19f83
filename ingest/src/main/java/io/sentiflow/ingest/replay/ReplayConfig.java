package io.sentiflow.ingest.replay;

import io.sentiflow.ingest.IngestTopics;
import io.sentiflow.ingest.privacy.PrivacyConfig;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything a dataset replay needs besides the Kafka client settings.
 *
 * @param dataset the file and how to read it
 * @param labelDelay event-time delay of each label after its comment (default exponential, mean 30 s)
 * @param labelledFraction share of labelled comments whose label is sent at all (default 1.0); the
 *     rest simulate feedback that never comes
 * @param seed seed of the label sampling, so a replay is reproducible (default 42)
 * @param pacing write speed (default as fast as possible)
 * @param privacy pseudonym key and mention masking (default: random key, mentions kept)
 * @param topics where comments, labels and dead letters go (default the catalogue topics)
 * @param maxComments stop after this many comments, the earliest in event time; 0 = all (default 0)
 * @param maxTextChars longest accepted comment text; longer rows are dead letters (default 10,000)
 * @param progressEvery report progress to the listener every this many comments (default 1,000)
 */
public record ReplayConfig(DatasetSpec dataset, LabelDelay labelDelay, double labelledFraction, long seed,
    Pacing pacing, PrivacyConfig privacy, IngestTopics topics, long maxComments, int maxTextChars,
    int progressEvery) {

  /** Where the shipped datasets are unless configured: {@code -Dsentiflow.data.dir}, else {@code ../shared/data}. */
  public static Path defaultDataDir() {
    return Path.of(System.getProperty("sentiflow.data.dir", "../shared/data"));
  }

  public ReplayConfig {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(labelDelay, "labelDelay");
    Objects.requireNonNull(pacing, "pacing");
    Objects.requireNonNull(privacy, "privacy");
    Objects.requireNonNull(topics, "topics");
    if (!(labelledFraction >= 0 && labelledFraction <= 1)) {
      throw new IllegalArgumentException("labelled fraction must be within [0, 1], not " + labelledFraction);
    }
    if (maxComments < 0) {
      throw new IllegalArgumentException("max comments must be >= 0 (0 = all)");
    }
    if (maxTextChars < 1 || progressEvery < 1) {
      throw new IllegalArgumentException("max text chars and progress interval must be positive");
    }
  }

  /** The airline preset from {@link #defaultDataDir()} with every other setting at its default. */
  public static ReplayConfig defaults() {
    return preset(DatasetPreset.AIRLINE, defaultDataDir());
  }

  /** A shipped dataset found under {@code dataDir}, with every other setting at its default. */
  public static ReplayConfig preset(DatasetPreset preset, Path dataDir) {
    return of(preset.spec(dataDir));
  }

  /** Any dataset, with every other setting at its default. */
  public static ReplayConfig of(DatasetSpec dataset) {
    return new ReplayConfig(dataset, LabelDelay.defaults(), 1.0, 42L, Pacing.defaults(), PrivacyConfig.defaults(),
        IngestTopics.defaults(), 0L, 10_000, 1_000);
  }

  public ReplayConfig withLabelDelay(LabelDelay value) {
    return new ReplayConfig(dataset, value, labelledFraction, seed, pacing, privacy, topics, maxComments,
        maxTextChars, progressEvery);
  }

  public ReplayConfig withLabelledFraction(double value) {
    return new ReplayConfig(dataset, labelDelay, value, seed, pacing, privacy, topics, maxComments, maxTextChars,
        progressEvery);
  }

  public ReplayConfig withPacing(Pacing value) {
    return new ReplayConfig(dataset, labelDelay, labelledFraction, seed, value, privacy, topics, maxComments,
        maxTextChars, progressEvery);
  }

  public ReplayConfig withPrivacy(PrivacyConfig value) {
    return new ReplayConfig(dataset, labelDelay, labelledFraction, seed, pacing, value, topics, maxComments,
        maxTextChars, progressEvery);
  }

  public ReplayConfig withTopics(IngestTopics value) {
    return new ReplayConfig(dataset, labelDelay, labelledFraction, seed, pacing, privacy, value, maxComments,
        maxTextChars, progressEvery);
  }

  public ReplayConfig withMaxComments(long value) {
    return new ReplayConfig(dataset, labelDelay, labelledFraction, seed, pacing, privacy, topics, value,
        maxTextChars, progressEvery);
  }

  public ReplayConfig withMaxTextChars(int value) {
    return new ReplayConfig(dataset, labelDelay, labelledFraction, seed, pacing, privacy, topics, maxComments,
        value, progressEvery);
  }

  public ReplayConfig withProgressEvery(int value) {
    return new ReplayConfig(dataset, labelDelay, labelledFraction, seed, pacing, privacy, topics, maxComments,
        maxTextChars, value);
  }
}
