package io.sentiflow.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sentiflow.avro.Sentiment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class EventScheduleTest {

  /** Comments one second apart, every one labelled. */
  private static List<DatasetRecord> comments(int n) {
    return LongStream.range(0, n)
        .mapToObj(i -> new DatasetRecord("c" + i, "t", "", "text " + i, "en", 1_000_000L + i * 1_000L,
            Sentiment.values()[(int) (i % 3)]))
        .toList();
  }

  private static List<ReplayEvent> schedule(List<DatasetRecord> comments, LabelDelay delay, double fraction) {
    List<ReplayEvent> events = new ArrayList<>();
    new EventSchedule(comments.iterator(), delay, fraction, 7L).forEachRemaining(events::add);
    return events;
  }

  private static List<ReplayEvent.LabelEvent> labels(List<ReplayEvent> events) {
    return events.stream().filter(ReplayEvent.LabelEvent.class::isInstance).map(ReplayEvent.LabelEvent.class::cast)
        .toList();
  }

  @Test
  void fixedDelayPutsEveryLabelExactlyThatFarBehindItsCommentAndKeepsEventTimeOrder() {
    List<DatasetRecord> comments = comments(1_000);
    List<ReplayEvent> events = schedule(comments, new LabelDelay.Fixed(Duration.ofMillis(2_500)), 1.0);

    assertThat(events).hasSize(2_000);
    assertThat(events).extracting(ReplayEvent::eventTime).isSorted();
    Map<String, Integer> commentPosition = new HashMap<>();
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i) instanceof ReplayEvent.CommentEvent c) {
        commentPosition.put(c.comment().id(), i);
      }
    }
    Map<String, Sentiment> truth = new HashMap<>();
    comments.forEach(c -> truth.put(c.id(), c.label()));
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i) instanceof ReplayEvent.LabelEvent label) {
        assertThat(label.labelTime() - label.commentTime()).isEqualTo(2_500);
        assertThat(commentPosition.get(label.commentId())).isLessThan(i);
        assertThat(label.sentiment()).isEqualTo(truth.get(label.commentId()));
      }
    }
  }

  @Test
  void zeroDelayLabelStillFollowsItsComment() {
    List<ReplayEvent> events = schedule(comments(3), new LabelDelay.Fixed(Duration.ZERO), 1.0);

    assertThat(events).extracting(e -> e instanceof ReplayEvent.CommentEvent c ? "c:" + c.comment().id()
        : "l:" + ((ReplayEvent.LabelEvent) e).commentId())
        .containsExactly("c:c0", "l:c0", "c:c1", "l:c1", "c:c2", "l:c2");
  }

  @Test
  void labelledFractionKeepsThatShareOfLabels() {
    List<DatasetRecord> comments = comments(20_000);

    assertThat(labels(schedule(comments, LabelDelay.defaults(), 0.25))).hasSizeBetween(4_700, 5_300);
    assertThat(labels(schedule(comments, LabelDelay.defaults(), 0.0))).isEmpty();
    assertThat(labels(schedule(comments, LabelDelay.defaults(), 1.0))).hasSize(20_000);
  }

  @Test
  void unlabelledRowsNeverGetALabel() {
    List<DatasetRecord> comments = List.of(new DatasetRecord("x", "t", "", "no label", null, 5L, null));

    assertThat(schedule(comments, LabelDelay.defaults(), 1.0)).hasSize(1)
        .allMatch(ReplayEvent.CommentEvent.class::isInstance);
  }

  @Test
  void exponentialDelaysHaveTheConfiguredMeanAndTheirLongTail() {
    List<ReplayEvent.LabelEvent> labels = labels(schedule(comments(20_000),
        new LabelDelay.Exponential(Duration.ofSeconds(30)), 1.0));
    double[] delays = labels.stream().mapToDouble(l -> l.labelTime() - l.commentTime()).toArray();
    double mean = java.util.Arrays.stream(delays).average().orElseThrow();
    long beyondThreeMeans = java.util.Arrays.stream(delays).filter(d -> d > 90_000).count();

    assertThat(mean).isCloseTo(30_000, within(1_500.0));
    assertThat(java.util.Arrays.stream(delays).min().orElseThrow()).isGreaterThanOrEqualTo(0);
    // P(X > 3 mean) = e^-3 ~ 5%
    assertThat(beyondThreeMeans / (double) delays.length).isCloseTo(0.0498, within(0.008));
  }

  @Test
  void uniformDelaysStayWithinBounds() {
    List<ReplayEvent.LabelEvent> labels = labels(schedule(comments(5_000),
        new LabelDelay.Uniform(Duration.ofSeconds(1), Duration.ofSeconds(3)), 1.0));

    assertThat(labels).allSatisfy(l -> assertThat(l.labelTime() - l.commentTime()).isBetween(1_000L, 3_000L));
    double mean = labels.stream().mapToLong(l -> l.labelTime() - l.commentTime()).average().orElseThrow();
    assertThat(mean).isCloseTo(2_000, within(50.0));
  }

  @Test
  void sameSeedSameSchedule() {
    List<DatasetRecord> comments = comments(500);

    assertThat(schedule(comments, LabelDelay.defaults(), 0.5)).isEqualTo(schedule(comments, LabelDelay.defaults(), 0.5));
  }

  @Test
  void delaysAndPacingParseFromTheCommandLineSyntax() {
    assertThat(LabelDelay.parse("fixed:5s")).isEqualTo(new LabelDelay.Fixed(Duration.ofSeconds(5)));
    assertThat(LabelDelay.parse("uniform:500ms..2m"))
        .isEqualTo(new LabelDelay.Uniform(Duration.ofMillis(500), Duration.ofMinutes(2)));
    assertThat(LabelDelay.parse("exponential:PT30S")).isEqualTo(LabelDelay.defaults());
    assertThat(Pacing.parse("max")).isEqualTo(new Pacing.AsFastAsPossible());
    assertThat(Pacing.parse("rate:250")).isEqualTo(new Pacing.FixedRate(250));
    assertThat(Pacing.parse("speedup:60"))
        .isEqualTo(new Pacing.CompressedRealTime(60, Pacing.DEFAULT_MAX_PAUSE));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LabelDelay.parse("gauss:1s"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gauss");
  }
}
