package io.sentiflow.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentiflow.avro.Comment;
import io.sentiflow.features.AirlineTweets.Tweet;
import io.sentiflow.schemas.Codecs;
import io.sentiflow.schemas.SchemaHistory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

class EventTimesTest {

  @Test
  void readsTheTimeThatDecodingFinds() {
    List<Tweet> tweets = AirlineTweets.firstByCreation(500);
    assertThat(tweets).allSatisfy(tweet -> {
      byte[] comment = Codecs.COMMENT.encode(tweet.comment());
      byte[] label = Codecs.LABEL.encode(tweet.label());
      assertThat(EventTimes.ofComment(record(comment))).isEqualTo(tweet.comment().getEventTime());
      assertThat(EventTimes.ofLabel(record(label))).isEqualTo(tweet.label().getLabelTime());
    });
    Comment withLanguage = Comment.newBuilder(tweets.get(0).comment()).setLanguage("en").setEventTime(42L).build();
    assertThat(EventTimes.ofComment(record(Codecs.COMMENT.encode(withLanguage)))).isEqualTo(42L);
  }

  @Test
  void readsCommentsWrittenWithTheFirstSchema() throws Exception {
    Schema v1 = SchemaHistory.versionsOf("Comment").get(0);
    GenericRecord old = new GenericData.Record(v1);
    old.put("id", "c1");
    old.put("platform", "twitter");
    old.put("thread", "airline");
    old.put("text", "late again");
    old.put("eventTime", 1_424_806_552_000L);
    old.put("ingestTime", 1_424_806_553_000L);
    ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old);

    byte[] bytes = Arrays.copyOfRange(encoded.array(), encoded.arrayOffset(), encoded.arrayOffset() + encoded.limit());
    assertThat(EventTimes.ofComment(record(bytes))).isEqualTo(1_424_806_552_000L);
  }

  @Test
  void bytesWithoutATimeNeverAdvanceTheWatermark() {
    byte[] comment = Codecs.COMMENT.encode(AirlineTweets.firstByCreation(1).get(0).comment());
    assertThat(EventTimes.ofComment(record(null))).isEqualTo(Long.MIN_VALUE);
    assertThat(EventTimes.ofComment(record("not avro".getBytes(StandardCharsets.UTF_8)))).isEqualTo(Long.MIN_VALUE);
    assertThat(EventTimes.ofComment(record(Arrays.copyOf(comment, 20)))).isEqualTo(Long.MIN_VALUE);
    // A label is no comment: its schema's fingerprint is not one the comment reader knows.
    assertThat(EventTimes.ofComment(record(Codecs.LABEL.encode(AirlineTweets.firstByCreation(1).get(0).label()))))
        .isEqualTo(Long.MIN_VALUE);
  }

  private static KafkaBytes record(byte[] value) {
    return new KafkaBytes("comments", null, value);
  }
}
