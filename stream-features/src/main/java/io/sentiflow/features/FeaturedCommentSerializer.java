package io.sentiflow.features;

import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink serializer of {@link FeaturedComment}: for the shuffle to the join and, above all, for the
 * join state, which the heap backend writes in full at every checkpoint. A comment is one
 * length-prefixed block: its id as length-prefixed UTF-8, its event time, and its encoded features
 * as length-prefixed bytes, copied in bulk.
 */
public final class FeaturedCommentSerializer extends TypeSerializer<FeaturedComment> {

  private static final long serialVersionUID = 1L;
  /** The length written for a null id or null features. */
  private static final int NULL = -1;

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializer<FeaturedComment> duplicate() {
    return this;
  }

  @Override
  public FeaturedComment createInstance() {
    return new FeaturedComment();
  }

  /** Shares the encoded features, which are never mutated. */
  @Override
  public FeaturedComment copy(FeaturedComment from) {
    return new FeaturedComment(from.commentId, from.eventTime, from.features);
  }

  @Override
  public FeaturedComment copy(FeaturedComment from, FeaturedComment reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(FeaturedComment comment, DataOutputView target) throws IOException {
    byte[] id = comment.commentId == null ? null : comment.commentId.getBytes(StandardCharsets.UTF_8);
    target.writeInt(length(id) + Long.BYTES + length(comment.features));
    writeBytes(id, target);
    target.writeLong(comment.eventTime);
    writeBytes(comment.features, target);
  }

  @Override
  public FeaturedComment deserialize(DataInputView source) throws IOException {
    source.readInt();
    byte[] id = readBytes(source);
    long eventTime = source.readLong();
    return new FeaturedComment(id == null ? null : new String(id, StandardCharsets.UTF_8), eventTime,
        readBytes(source));
  }

  @Override
  public FeaturedComment deserialize(FeaturedComment reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    int length = source.readInt();
    target.writeInt(length);
    target.write(source, length);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FeaturedCommentSerializer;
  }

  @Override
  public int hashCode() {
    return FeaturedCommentSerializer.class.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<FeaturedComment> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Bytes written for {@code bytes} with their length prefix. */
  private static int length(byte[] bytes) {
    return Integer.BYTES + (bytes == null ? 0 : bytes.length);
  }

  private static void writeBytes(byte[] bytes, DataOutputView out) throws IOException {
    out.writeInt(bytes == null ? NULL : bytes.length);
    if (bytes != null) {
      out.write(bytes);
    }
  }

  private static byte[] readBytes(DataInputView in) throws IOException {
    int length = in.readInt();
    if (length == NULL) {
      return null;
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return bytes;
  }

  /** Restores this serializer from checkpoints and savepoints; it has no configuration. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<FeaturedComment> {

    public Snapshot() {
      super(FeaturedCommentSerializer::new);
    }
  }

  /** Gives {@link FeaturedComment} this serializer wherever Flink meets the type. */
  public static final class Factory extends TypeInfoFactory<FeaturedComment> {

    @Override
    public TypeInformation<FeaturedComment> createTypeInfo(Type type, Map<String, TypeInformation<?>> parameters) {
      return new Info();
    }
  }

  /** The type information behind {@link Factory}: an atomic type, not a POJO with fields. */
  static final class Info extends TypeInformation<FeaturedComment> {

    private static final long serialVersionUID = 1L;

    @Override
    public boolean isBasicType() {
      return false;
    }

    @Override
    public boolean isTupleType() {
      return false;
    }

    @Override
    public int getArity() {
      return 1;
    }

    @Override
    public int getTotalFields() {
      return 1;
    }

    @Override
    public Class<FeaturedComment> getTypeClass() {
      return FeaturedComment.class;
    }

    @Override
    public boolean isKeyType() {
      return false;
    }

    @Override
    public TypeSerializer<FeaturedComment> createSerializer(SerializerConfig config) {
      return new FeaturedCommentSerializer();
    }

    @Override
    public String toString() {
      return "FeaturedComment";
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Info;
    }

    @Override
    public int hashCode() {
      return Info.class.hashCode();
    }

    @Override
    public boolean canEqual(Object other) {
      return other instanceof Info;
    }
  }
}
