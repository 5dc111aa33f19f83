package io.sentiflow.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentiflow.avro.Sentiment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every shipped dataset loads through its preset, whole, with the row counts its SOURCE.md states. */
class DatasetPresetsTest {

  private static final Path DATA = Path.of(System.getProperty("sentiflow.data.dir", "../../shared/data"));

  private record Loaded(List<DatasetRecord> records, List<DatasetLoader.Rejection> rejections, DatasetLoader loader) {}

  private static Loaded load(DatasetPreset preset) {
    List<DatasetLoader.Rejection> rejections = new ArrayList<>();
    DatasetLoader loader = new DatasetLoader(ReplayConfig.preset(preset, DATA), rejections::add);
    try (Stream<DatasetRecord> comments = loader.comments()) {
      return new Loaded(comments.toList(), rejections, loader);
    }
  }

  @Test
  void airlineFileIsReadWholeDeduplicatedAndSortedByTweetCreated() {
    Loaded airline = load(DatasetPreset.AIRLINE);

    assertThat(airline.loader().rowsRead()).isEqualTo(14_640);
    assertThat(airline.rejections()).isEmpty();
    assertThat(airline.loader().duplicateRows()).isEqualTo(155);
    assertThat(airline.records()).hasSize(14_485);
    assertThat(airline.records().stream().map(DatasetRecord::id).distinct().count()).isEqualTo(14_485);
    assertThat(airline.records()).extracting(DatasetRecord::eventTime).isSorted();
    // 2015-02-16 23:36 -0800 .. 2015-02-24 11:53 -0800
    assertThat(airline.records().get(0).eventTime()).isBetween(1424158560000L, 1424158620000L - 1);
    assertThat(airline.records().get(airline.records().size() - 1).eventTime())
        .isBetween(1424807580000L, 1424807640000L - 1);
    assertThat(airline.records()).extracting(DatasetRecord::thread).containsOnly("Virgin America", "United",
        "Southwest", "Delta", "US Airways", "American");
    Map<Sentiment, Long> labels = airline.records().stream()
        .collect(Collectors.groupingBy(DatasetRecord::label, Collectors.counting()));
    assertThat(labels.keySet()).containsExactlyInAnyOrder(Sentiment.values());
    assertThat(airline.records()).allSatisfy(r -> assertThat(r.author()).startsWith("u_"));
    // Ids are the full 18-digit tweet ids, not doubles in scientific notation.
    assertThat(airline.records()).allSatisfy(r -> assertThat(r.id()).matches("\\d{18}"));
  }

  @Test
  void sentiment140MapsEmoticonLabelsAndKeepsTimeOrder() {
    Loaded s140 = load(DatasetPreset.SENTIMENT140);

    assertThat(s140.loader().rowsRead()).isEqualTo(37_518);
    assertThat(s140.rejections()).isEmpty();
    assertThat(s140.records()).extracting(DatasetRecord::eventTime).isSorted();
    assertThat(s140.records()).extracting(DatasetRecord::label)
        .containsOnly(Sentiment.NEGATIVE, Sentiment.POSITIVE);
    // 16 ids appear twice with opposite labels: same content, so the first one wins.
    assertThat(s140.loader().duplicateRows()).isEqualTo(16);
    assertThat(s140.records()).hasSize(37_518 - 16);
  }

  @Test
  void semevalPoolDecodesLiteralEscapes() {
    Loaded semeval = load(DatasetPreset.SEMEVAL);

    assertThat(semeval.loader().rowsRead()).isEqualTo(49_570);
    assertThat(semeval.records()).hasSize(49_570);
    assertThat(semeval.records()).extracting(DatasetRecord::eventTime).isSorted();
    assertThat(semeval.records()).noneMatch(r -> r.text().contains("\\u2019") || r.text().contains("\\u002c"));
    assertThat(semeval.records()).allSatisfy(r -> assertThat(r.author()).isEmpty());
  }

  @Test
  void tweetEvalValidationGetsNumberedIdsAndIncreasingSyntheticTimes() {
    Loaded tweeteval = load(DatasetPreset.TWEETEVAL_VALIDATION);

    assertThat(tweeteval.records()).hasSize(2_000);
    assertThat(tweeteval.records().get(0).id()).isEqualTo("tweeteval-val-1");
    Set<Long> times = new HashSet<>();
    tweeteval.records().forEach(r -> times.add(r.eventTime()));
    assertThat(times).hasSize(2_000);
    assertThat(tweeteval.records()).extracting(DatasetRecord::eventTime).isSorted();
    Map<Sentiment, Long> labels = tweeteval.records().stream()
        .collect(Collectors.groupingBy(DatasetRecord::label, Collectors.counting()));
    assertThat(labels).containsEntry(Sentiment.NEGATIVE, 312L).containsEntry(Sentiment.NEUTRAL, 869L)
        .containsEntry(Sentiment.POSITIVE, 819L);
    assertThat(tweeteval.records()).noneMatch(r -> r.text().endsWith(" "));
  }

  @Test
  void presetsAreFoundByTheirCommandLineNames() {
    assertThat(DatasetPreset.fromName("tweeteval-validation")).isEqualTo(DatasetPreset.TWEETEVAL_VALIDATION);
    assertThat(DatasetPreset.fromName("Airline")).isEqualTo(DatasetPreset.AIRLINE);
  }
}
