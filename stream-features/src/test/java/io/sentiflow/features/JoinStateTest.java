package io.sentiflow.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentiflow.avro.Features;
import io.sentiflow.avro.Sentiment;
import io.sentiflow.avro.TrainingExample;
import io.sentiflow.schemas.Codecs;
import java.util.List;
import org.junit.jupiter.api.Test;

class JoinStateTest {

  private static final long TTL = 60_000;

  @Test
  void commentThenLabelJoinsOnce() {
    JoinState state = JoinState.openedAt(1_000, TTL);
    assertThat(state.offerComment(comment("c1", 1_000))).isTrue();
    assertThat(state.joinable()).isFalse();

    assertThat(state.offerLabel(label("c1", Sentiment.POSITIVE, 4_000))).isTrue();
    assertThat(state.joinable()).isTrue();
    TrainingExample example = TrainingExamples.of(state.comment, state.label);
    state.markJoined();

    assertThat(example.getLabel()).isEqualTo(Sentiment.POSITIVE);
    assertThat(example.getLabelDelayMs()).isEqualTo(3_000);
    assertThat(example.getFeatures().getCommentId()).isEqualTo("c1");
    assertThat(state.joinable()).isFalse();
    assertThat(state.comment).isNull();
    assertThat(state.label).isNull();
  }

  @Test
  void labelBeforeCommentIsHeldUntilTheCommentArrives() {
    JoinState state = JoinState.openedAt(9_000, TTL);
    assertThat(state.offerLabel(label("c1", Sentiment.NEGATIVE, 9_000))).isTrue();
    assertThat(state.joinable()).isFalse();

    assertThat(state.offerComment(comment("c1", 2_000))).isTrue();
    assertThat(state.joinable()).isTrue();
    assertThat(TrainingExamples.of(state.comment, state.label).getLabelDelayMs()).isEqualTo(7_000);
  }

  @Test
  void firstCommentAndFirstLabelWin() {
    JoinState state = JoinState.openedAt(1_000, TTL);
    assertThat(state.offerComment(comment("c1", 1_000))).isTrue();
    assertThat(state.offerComment(comment("c1", 1_000))).isFalse();
    assertThat(state.offerLabel(label("c1", Sentiment.NEUTRAL, 2_000))).isTrue();
    state.markJoined();

    assertThat(state.offerLabel(label("c1", Sentiment.POSITIVE, 3_000))).isFalse();
    assertThat(state.offerComment(comment("c1", 1_000))).isFalse();
    assertThat(state.joinable()).isFalse();
  }

  @Test
  void expiresTtlOfEventTimeAfterTheFirstEvent() {
    JoinState state = JoinState.openedAt(1_000, TTL);
    assertThat(state.expiresAt).isEqualTo(61_000);
    assertThat(state.expiredAt(60_999)).isFalse();
    assertThat(state.expiredAt(61_000)).isTrue();
  }

  @Test
  void aLabelReadFirstButATtlLaterThanItsCommentFindsTheCommentExpired() {
    JoinState state = JoinState.openedAt(1_000 + TTL, TTL);
    state.offerLabel(label("c1", Sentiment.NEGATIVE, 1_000 + TTL));
    state.offerComment(comment("c1", 1_000));
    assertThat(state.labelCameAfterCommentExpired(TTL)).isTrue();

    JoinState inTime = JoinState.openedAt(1_000 + TTL - 1, TTL);
    inTime.offerLabel(label("c2", Sentiment.NEGATIVE, 1_000 + TTL - 1));
    inTime.offerComment(comment("c2", 1_000));
    assertThat(inTime.labelCameAfterCommentExpired(TTL)).isFalse();
    assertThat(inTime.joinable()).isTrue();
  }

  @Test
  void hugeTtlDoesNotOverflow() {
    assertThat(JoinState.openedAt(Long.MAX_VALUE - 5, TTL).expiresAt).isEqualTo(Long.MAX_VALUE);
  }

  static FeaturedComment comment(String id, long eventTime) {
    Features features = Features.newBuilder().setCommentId(id).setThread("thread").setFeatureIds(List.of(3, 1, 4))
        .setTerms(List.of("a", "b", "c")).setTextLength(5).setSpecHash(42).setEventTime(eventTime)
        .setIngestTime(eventTime).setFeatureTime(eventTime).build();
    return new FeaturedComment(id, eventTime, Codecs.FEATURES.encode(features));
  }

  static LabelEvent label(String id, Sentiment sentiment, long labelTime) {
    return new LabelEvent(id, sentiment, "test", labelTime);
  }
}
