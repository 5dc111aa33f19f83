package io.sentiflow.features;

/**
 * Everything the feature job remembers about one comment id: the first comment's features until
 * its label arrives, the first label until its comment arrives, and whether each was already seen
 * (first wins). Everything expires {@code ttl} of event time after the first event for the id.
 *
 * <p>Pure logic, tested directly; also the Flink POJO kept in keyed state.
 */
public class JoinState {

  /** Held until the label arrives; null once joined. */
  public FeaturedComment comment;
  /** Held until the comment arrives; null once joined. */
  public LabelEvent label;
  public boolean commentSeen;
  public boolean labelSeen;
  /** Event time at which this state is cleared. */
  public long expiresAt;

  public JoinState() {}

  /** Fresh state for an id whose first event happened at {@code eventTime}. */
  public static JoinState openedAt(long eventTime, long ttlMillis) {
    JoinState state = new JoinState();
    state.expiresAt = eventTime > Long.MAX_VALUE - ttlMillis ? Long.MAX_VALUE : eventTime + ttlMillis;
    return state;
  }

  /** Whether an event at {@code eventTime} comes too late to see this state. */
  public boolean expiredAt(long eventTime) {
    return eventTime >= expiresAt;
  }

  /** Takes the comment if it is the first with this id; returns false for a duplicate. */
  public boolean offerComment(FeaturedComment featured) {
    if (commentSeen) {
      return false;
    }
    commentSeen = true;
    comment = featured;
    return true;
  }

  /** Takes the label if it is the first for this id; returns false for a later one. */
  public boolean offerLabel(LabelEvent event) {
    if (labelSeen) {
      return false;
    }
    labelSeen = true;
    label = event;
    return true;
  }

  /**
   * Whether the held label came a TTL or more after the held comment in event time, so the comment
   * had expired before it. Happens when a late label is read before its old comment.
   */
  public boolean labelCameAfterCommentExpired(long ttlMillis) {
    return comment != null && label != null && label.labelTime - comment.eventTime >= ttlMillis;
  }

  /** Whether both halves are in and not yet emitted. */
  public boolean joinable() {
    return comment != null && label != null;
  }

  /** Releases both halves once their training example was emitted; the seen flags stay. */
  public void markJoined() {
    comment = null;
    label = null;
  }
}
