package io.sentiflow.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class FeaturedCommentSerializerTest {

  private final FeaturedCommentSerializer serializer = new FeaturedCommentSerializer();

  @Test
  void roundTripsEveryField() throws Exception {
    FeaturedComment comment = comment();

    assertThat(roundTrip(comment)).usingRecursiveComparison().isEqualTo(comment);
  }

  @Test
  void roundTripsNullsAndEmptyArrays() throws Exception {
    FeaturedComment comment = comment();
    comment.language = null;
    comment.featureIds = new int[0];
    comment.terms = null;

    assertThat(roundTrip(comment)).usingRecursiveComparison().isEqualTo(comment);
  }

  @Test
  void copiesSerializedCommentsWithoutDecodingThem() throws Exception {
    DataOutputSerializer first = new DataOutputSerializer(64);
    serializer.serialize(comment(), first);
    serializer.serialize(comment(), first);
    // Sized up front: unlike its other writes, DataOutputSerializer's copy from a view does not grow it.
    DataOutputSerializer copied = new DataOutputSerializer(1024);

    DataInputDeserializer in = new DataInputDeserializer(first.getCopyOfBuffer());
    serializer.copy(in, copied);
    serializer.copy(in, copied);

    assertThat(copied.getCopyOfBuffer()).isEqualTo(first.getCopyOfBuffer());
  }

  @Test
  void copyDoesNotShareArrays() {
    FeaturedComment comment = comment();

    FeaturedComment copy = serializer.copy(comment);
    copy.terms[0] = "changed";
    copy.featureIds[0] = -1;

    assertThat(comment.terms[0]).isEqualTo("great");
    assertThat(comment.featureIds[0]).isEqualTo(17);
  }

  @Test
  void flinkUsesItForTheCommentAndForTheCommentInJoinState() {
    TypeInformation<FeaturedComment> comment = TypeInformation.of(FeaturedComment.class);
    PojoTypeInfo<JoinState> joinState = (PojoTypeInfo<JoinState>) TypeInformation.of(JoinState.class);

    assertThat(comment.createSerializer(new SerializerConfigImpl())).isInstanceOf(FeaturedCommentSerializer.class);
    assertThat(joinState.getTypeAt("comment")).isEqualTo(comment);
  }

  @Test
  void restoresFromItsSnapshot() {
    var snapshot = serializer.snapshotConfiguration();

    assertThat(snapshot.restoreSerializer()).isEqualTo(serializer);
    assertThat(serializer.snapshotConfiguration().resolveSchemaCompatibility(snapshot).isCompatibleAsIs()).isTrue();
  }

  private FeaturedComment roundTrip(FeaturedComment comment) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(16);
    serializer.serialize(comment, out);
    serializer.serialize(comment, out); // the second reuses the encoding buffer
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    serializer.deserialize(in);
    FeaturedComment decoded = serializer.deserialize(in);
    assertThat(in.available()).isZero();
    return decoded;
  }

  private static FeaturedComment comment() {
    FeaturedComment comment = new FeaturedComment();
    comment.commentId = "c-1";
    comment.thread = "airline";
    comment.language = "en";
    comment.featureIds = new int[] {17, 4_000_000, 0};
    comment.terms = new String[] {"great", "great flight", "東京"};
    comment.textLength = 42;
    comment.specHash = -7L;
    comment.eventTime = 1_424_000_000_000L;
    comment.ingestTime = 1_424_000_000_500L;
    comment.featureTime = 1_424_000_001_000L;
    return comment;
  }
}
