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
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink serializer of {@link FeaturedComment}: for the shuffle to the join and, above all, for the
 * join state, which the heap backend writes in full at every checkpoint. Flink's POJO serializer
 * writes a comment's terms into the checkpoint stream char by char, a synchronized call per byte;
 * this one encodes the comment in memory, each string as length-prefixed UTF-8 (a bulk copy for the
 * Latin-1 strings most terms are), and writes it as one length-prefixed block.
 *
 * <p>Keeps an encoding buffer, so each thread needs its own {@link #duplicate()}, as Flink provides.
 */
public final class FeaturedCommentSerializer extends TypeSerializer<FeaturedComment> {

  private static final long serialVersionUID = 1L;
  /** The length written for a null string or array. */
  private static final int NULL = -1;

  private transient DataOutputSerializer buffer;

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializer<FeaturedComment> duplicate() {
    return new FeaturedCommentSerializer();
  }

  @Override
  public FeaturedComment createInstance() {
    return new FeaturedComment();
  }

  @Override
  public FeaturedComment copy(FeaturedComment from) {
    FeaturedComment copy = new FeaturedComment();
    copy.commentId = from.commentId;
    copy.thread = from.thread;
    copy.language = from.language;
    copy.featureIds = from.featureIds == null ? null : from.featureIds.clone();
    copy.terms = from.terms == null ? null : from.terms.clone();
    copy.textLength = from.textLength;
    copy.specHash = from.specHash;
    copy.eventTime = from.eventTime;
    copy.ingestTime = from.ingestTime;
    copy.featureTime = from.featureTime;
    return copy;
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
    if (buffer == null) {
      buffer = new DataOutputSerializer(1024);
    }
    buffer.clear();
    writeString(comment.commentId, buffer);
    writeString(comment.thread, buffer);
    writeString(comment.language, buffer);
    writeInts(comment.featureIds, buffer);
    writeStrings(comment.terms, buffer);
    buffer.writeInt(comment.textLength);
    buffer.writeLong(comment.specHash);
    buffer.writeLong(comment.eventTime);
    buffer.writeLong(comment.ingestTime);
    buffer.writeLong(comment.featureTime);
    target.writeInt(buffer.length());
    target.write(buffer.getSharedBuffer(), 0, buffer.length());
  }

  @Override
  public FeaturedComment deserialize(DataInputView source) throws IOException {
    byte[] block = new byte[source.readInt()];
    source.readFully(block);
    DataInputDeserializer in = new DataInputDeserializer(block);
    FeaturedComment comment = new FeaturedComment();
    comment.commentId = readString(in);
    comment.thread = readString(in);
    comment.language = readString(in);
    comment.featureIds = readInts(in);
    comment.terms = readStrings(in);
    comment.textLength = in.readInt();
    comment.specHash = in.readLong();
    comment.eventTime = in.readLong();
    comment.ingestTime = in.readLong();
    comment.featureTime = in.readLong();
    return comment;
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

  private static void writeInts(int[] values, DataOutputView out) throws IOException {
    out.writeInt(values == null ? NULL : values.length);
    if (values != null) {
      for (int value : values) {
        out.writeInt(value);
      }
    }
  }

  private static int[] readInts(DataInputView in) throws IOException {
    int length = in.readInt();
    if (length == NULL) {
      return null;
    }
    int[] values = new int[length];
    for (int i = 0; i < length; i++) {
      values[i] = in.readInt();
    }
    return values;
  }

  private static void writeStrings(String[] values, DataOutputView out) throws IOException {
    out.writeInt(values == null ? NULL : values.length);
    if (values != null) {
      for (String value : values) {
        writeString(value, out);
      }
    }
  }

  private static String[] readStrings(DataInputDeserializer in) throws IOException {
    int length = in.readInt();
    if (length == NULL) {
      return null;
    }
    String[] values = new String[length];
    for (int i = 0; i < length; i++) {
      values[i] = readString(in);
    }
    return values;
  }

  private static void writeString(String value, DataOutputView out) throws IOException {
    if (value == null) {
      out.writeInt(NULL);
      return;
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readString(DataInputDeserializer in) throws IOException {
    int length = in.readInt();
    if (length == NULL) {
      return null;
    }
    byte[] utf8 = new byte[length];
    in.readFully(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
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
