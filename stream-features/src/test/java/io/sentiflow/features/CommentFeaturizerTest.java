package io.sentiflow.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentiflow.avro.Comment;
import io.sentiflow.avro.Features;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.InvalidRecordException;
import io.sentiflow.schemas.text.FeatureVector;
import io.sentiflow.schemas.text.Featurizer;
import io.sentiflow.schemas.text.FeaturizerSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommentFeaturizerTest {

  private final FeaturizerSpec spec = FeaturizerSpec.defaults().withBucketBits(16);
  private final CommentFeaturizer featurizer = new CommentFeaturizer(spec);

  @Test
  void carriesTheCommentTheSpecAndTheTermsBehindEveryId() {
    Comment comment = comment("570306133677760513", "@VirginAmerica What @dhepburn said. \uD83D\uDE00");

    Features features = featurizer.featurize(comment, 99L).toFeatures();

    assertThat(features.getCommentId()).isEqualTo("570306133677760513");
    assertThat(features.getThread()).isEqualTo("Virgin America");
    assertThat(features.getSpecHash()).isEqualTo(spec.hash());
    assertThat(features.getFeatureTime()).isEqualTo(99L);
    assertThat(features.getEventTime()).isEqualTo(1_424_806_552_000L);
    // 38 UTF-16 units, 37 code points: the emoji is one character.
    assertThat(features.getTextLength()).isEqualTo(37);
    assertThat(features.getFeatureIds()).isNotEmpty().hasSameSizeAs(features.getTerms())
        .allSatisfy(id -> assertThat(id).isBetween(0, spec.buckets() - 1));
  }

  @Test
  void encodesTheFeaturesAsAvroWouldFromTheRecord() {
    Featurizer plain = new Featurizer(spec);
    List<Comment> comments = new ArrayList<>();
    AirlineTweets.firstByCreation(300).forEach(tweet -> comments.add(tweet.comment()));
    comments.add(Comment.newBuilder(comments.get(0)).setLanguage("en").build());
    comments.add(comment("no-terms", ""));

    assertThat(comments).allSatisfy(comment -> {
      FeatureVector vector = plain.featurize(comment.getText());
      Features expected = Features.newBuilder()
          .setCommentId(comment.getId())
          .setThread(comment.getThread())
          .setLanguage(comment.getLanguage())
          .setFeatureIds(Arrays.stream(vector.ids()).boxed().toList())
          .setTerms(Arrays.asList(vector.terms()))
          .setTextLength(comment.getText().codePointCount(0, comment.getText().length()))
          .setSpecHash(spec.hash())
          .setEventTime(comment.getEventTime())
          .setIngestTime(comment.getIngestTime())
          .setFeatureTime(7L)
          .build();

      FeaturedComment featured = featurizer.featurize(comment, 7L);

      assertThat(featured.features).isEqualTo(Codecs.FEATURES.encode(expected));
      assertThat(featured.commentId).isEqualTo(comment.getId());
      assertThat(featured.eventTime).isEqualTo(comment.getEventTime());
    });
  }

  @Test
  void aCommentThatFailsHalfwayLeavesNothingInTheNextEncoding() {
    Comment broken = comment("broken", "half written");
    broken.setThread(null);
    Comment fine = comment("fine", "fine text");
    byte[] alone = new CommentFeaturizer(spec).featurize(fine, 7L).features;

    assertThatThrownBy(() -> featurizer.featurize(broken, 7L)).isInstanceOf(RuntimeException.class);
    assertThat(featurizer.featurize(fine, 7L).features).isEqualTo(alone);
  }

  @Test
  void aCommentWithoutAnIdIsInvalid() {
    assertThatThrownBy(() -> featurizer.featurize(comment(" ", "fine text"), 0L))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("without an id");
  }

  private static Comment comment(String id, String text) {
    return Comment.newBuilder().setId(id).setPlatform("twitter").setThread("Virgin America").setText(text)
        .setEventTime(1_424_806_552_000L).setIngestTime(1_424_806_553_000L).build();
  }
}
