package io.sentiflow.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentiflow.avro.Sentiment;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PacerTest {

  private static ReplayEvent comment(long eventTime) {
    return new ReplayEvent.CommentEvent(new DatasetRecord("c" + eventTime, "t", "", "x", null, eventTime, null));
  }

  private static ReplayEvent label(long eventTime) {
    return new ReplayEvent.LabelEvent("c", Sentiment.POSITIVE, eventTime - 1, eventTime);
  }

  @Test
  void asFastAsPossibleNeverWaits() {
    Pacer pacer = new Pacer(new Pacing.AsFastAsPossible());

    assertThat(pacer.dueNanos(comment(0))).isZero();
    assertThat(pacer.dueNanos(comment(1_000_000))).isZero();
  }

  @Test
  void fixedRateSpacesCommentsEvenlyAndLetsLabelsRideAlong() {
    Pacer pacer = new Pacer(new Pacing.FixedRate(4));

    assertThat(pacer.dueNanos(comment(0))).isZero();
    assertThat(pacer.dueNanos(comment(99_999))).isEqualTo(250_000_000L);
    assertThat(pacer.dueNanos(label(100_000))).isEqualTo(250_000_000L);
    assertThat(pacer.dueNanos(comment(100_001))).isEqualTo(500_000_000L);
  }

  @Test
  void compressedRealTimeDividesEventGapsAndCapsQuietStretches() {
    Pacer pacer = new Pacer(new Pacing.CompressedRealTime(60, Duration.ofSeconds(5)));

    assertThat(pacer.dueNanos(comment(1_000_000))).isZero();
    assertThat(pacer.dueNanos(comment(1_060_000))).isEqualTo(1_000_000_000L); // a minute -> a second
    assertThat(pacer.dueNanos(label(1_090_000))).isEqualTo(1_500_000_000L);
    assertThat(pacer.dueNanos(comment(1_090_000 + 86_400_000))).isEqualTo(6_500_000_000L); // a day -> 5 s cap
    assertThat(pacer.dueNanos(comment(1_090_000 + 86_400_000 + 6_000))).isEqualTo(6_600_000_000L);
  }
}
