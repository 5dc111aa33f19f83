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
  void roundTripsNulls() throws Exception {
    FeaturedComment comment = new FeaturedComment(null, -1L, null);

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
    serializer.serialize(comment, out);
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    serializer.deserialize(in);
    FeaturedComment decoded = serializer.deserialize(in);
    assertThat(in.available()).isZero();
    return decoded;
  }

  private static FeaturedComment comment() {
    return new FeaturedComment("東京-1", 1_424_000_000_000L, new byte[] {(byte) 0xC3, 1, 2, 3, -1});
  }
}
