package io.sentiflow.features;

import io.sentiflow.features.AirlineTweets.Tweet;
import io.sentiflow.schemas.Codecs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Tweets as the key/value pairs the ingest stage writes to {@code comments} and {@code labels}. */
final class TweetRecords {

  private TweetRecords() {}

  static List<byte[][]> comments(List<Tweet> tweets) {
    List<byte[][]> records = new ArrayList<>();
    for (Tweet tweet : tweets) {
      records.add(new byte[][] {key(tweet.id()), Codecs.COMMENT.encode(tweet.comment())});
    }
    return records;
  }

  static List<byte[][]> labels(List<Tweet> tweets) {
    List<byte[][]> records = new ArrayList<>();
    for (Tweet tweet : tweets) {
      records.add(new byte[][] {key(tweet.id()), Codecs.LABEL.encode(tweet.label())});
    }
    return records;
  }

  private static byte[] key(String id) {
    return id.getBytes(StandardCharsets.UTF_8);
  }
}
