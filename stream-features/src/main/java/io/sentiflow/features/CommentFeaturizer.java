package io.sentiflow.features;

import io.sentiflow.avro.Comment;
import io.sentiflow.avro.Features;
import io.sentiflow.schemas.InvalidRecordException;
import io.sentiflow.schemas.text.FeatureVector;
import io.sentiflow.schemas.text.Featurizer;
import io.sentiflow.schemas.text.FeaturizerSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Turns a decoded comment into its hashed features, stamped with the spec that produced them, and
 * encodes them as a single-object encoded {@link Features}: the same bytes {@code
 * Codecs.FEATURES.encode} writes, written field by field from the featurizer's arrays rather than
 * through an Avro record of boxed ids.
 *
 * <p>Keeps an encoding buffer: one instance per thread.
 */
public final class CommentFeaturizer {

  /** Single-object encoding's marker, then the Features schema's fingerprint, little-endian. */
  private static final byte[] HEADER = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN)
      .put((byte) 0xC3).put((byte) 0x01)
      .putLong(SchemaNormalization.parsingFingerprint64(Features.getClassSchema())).array();

  private final Featurizer featurizer;
  private final long specHash;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
  /** Buffered: the direct encoder writes a varint byte by byte into the synchronized stream. */
  private BinaryEncoder encoder;

  public CommentFeaturizer(FeaturizerSpec spec) {
    this.featurizer = new Featurizer(spec);
    this.specHash = spec.hash();
  }

  /**
   * @throws InvalidRecordException when the comment cannot be featurized (no id, no text)
   */
  public FeaturedComment featurize(Comment comment, long featureTime) {
    if (comment.getId() == null || comment.getId().isBlank()) {
      throw new InvalidRecordException("comment without an id");
    }
    String text = comment.getText();
    FeatureVector vector = featurizer.featurize(text);
    try {
      return new FeaturedComment(comment.getId(), comment.getEventTime(),
          encode(comment, vector, text.codePointCount(0, text.length()), featureTime));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the features of comment " + comment.getId(), e);
    }
  }

  /** Writes the fields in the order of the Features schema, as Avro's datum writer would. */
  private byte[] encode(Comment comment, FeatureVector vector, int textLength, long featureTime)
      throws IOException {
    // Reconfiguring flushes what a failed encoding left in the encoder; the reset then drops it.
    encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
    buffer.reset();
    encoder.writeFixed(HEADER);
    encoder.writeString(comment.getId());
    encoder.writeString(comment.getThread());
    if (comment.getLanguage() == null) {
      encoder.writeIndex(0);
      encoder.writeNull();
    } else {
      encoder.writeIndex(1);
      encoder.writeString(comment.getLanguage());
    }
    int[] ids = vector.ids();
    encoder.writeArrayStart();
    encoder.setItemCount(ids.length);
    for (int id : ids) {
      encoder.startItem();
      encoder.writeInt(id);
    }
    encoder.writeArrayEnd();
    String[] terms = vector.terms();
    encoder.writeArrayStart();
    encoder.setItemCount(terms.length);
    for (String term : terms) {
      encoder.startItem();
      encoder.writeString(term);
    }
    encoder.writeArrayEnd();
    encoder.writeInt(textLength);
    encoder.writeLong(specHash);
    encoder.writeLong(comment.getEventTime());
    encoder.writeLong(comment.getIngestTime());
    encoder.writeLong(featureTime);
    encoder.flush();
    return buffer.toByteArray();
  }

  public long specHash() {
    return specHash;
  }
}
