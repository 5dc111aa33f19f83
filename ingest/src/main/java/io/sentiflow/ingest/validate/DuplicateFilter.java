package io.sentiflow.ingest.validate;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers the content fingerprint of the most recent comment ids so that a comment sent twice
 * is written once: the same id with the same content is a repeat (accepted, not written again);
 * the same id with other content is a conflict. Bounded: the least recently seen ids are
 * forgotten first. Thread-safe.
 *
 * <p>An id classified by {@link #checkAll} stays pending until {@link #settle} says whether it
 * was stored: until then another batch repeating it hears {@link Verdict#PENDING}, since the
 * first write may still fail.
 */
public final class DuplicateFilter {

  /** What a comment is relative to the ones seen before. */
  public enum Verdict {
    NEW,
    /** Seen before with the same content, and stored (or repeated within the batch that is storing it). */
    REPEAT,
    CONFLICT,
    /** Another batch is still writing this id: whether it will be stored is not known yet. */
    PENDING
  }

  /**
   * An id's fingerprint and, while its write has not settled, the batch writing it (else null).
   * Mutable, under the filter's lock, so settling a batch allocates nothing per id.
   */
  private static final class Entry {
    final long fingerprint;
    Object pendingBatch;

    Entry(long fingerprint, Object pendingBatch) {
      this.fingerprint = fingerprint;
      this.pendingBatch = pendingBatch;
    }
  }

  private final Map<String, Entry> entries;

  public DuplicateFilter(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.entries = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        return size() > capacity;
      }
    };
  }

  /** Classifies {@code id} and, when it is new, remembers it with its fingerprint as stored. */
  public synchronized Verdict check(String id, long fingerprint) {
    return classify(id, fingerprint, null);
  }

  /**
   * Classifies every valid record of a batch, in order, under one lock: a request of hundreds of
   * lines takes the lock once instead of once a line, so concurrent requests do not queue on it
   * line by line. New ids are remembered as pending until {@link #settle}. Invalid records get null.
   */
  public synchronized Verdict[] checkAll(List<? extends Validated<?>> batch) {
    Object thisBatch = new Object();
    Verdict[] verdicts = new Verdict[batch.size()];
    for (int i = 0; i < verdicts.length; i++) {
      if (batch.get(i) instanceof Validated.Valid<?> valid) {
        verdicts[i] = classify(valid.key(), valid.fingerprint(), thisBatch);
      }
    }
    return verdicts;
  }

  private Verdict classify(String id, long fingerprint, Object batch) {
    Entry seen = entries.putIfAbsent(id, new Entry(fingerprint, batch));
    if (seen == null) {
      return Verdict.NEW;
    }
    if (seen.fingerprint != fingerprint) {
      return Verdict.CONFLICT;
    }
    return seen.pendingBatch == null || seen.pendingBatch == batch ? Verdict.REPEAT : Verdict.PENDING;
  }

  /**
   * Settles the pending ids of a batch under one lock: {@code stored} ones count as stored from now
   * on; {@code notStored} ones are forgotten, so the client's retry is taken as new.
   */
  public synchronized void settle(Collection<String> stored, Collection<String> notStored) {
    for (String id : stored) {
      Entry entry = entries.get(id);
      if (entry != null) {
        entry.pendingBatch = null;
      }
    }
    for (String id : notStored) {
      entries.remove(id);
    }
  }

  /** Ids remembered now. */
  public synchronized int size() {
    return entries.size();
  }

  /**
   * A 64-bit FNV-1a hash of the parts' characters (with separators), for {@link #check}; a null
   * part hashes apart from every string, {@code "null"} included.
   */
  public static long fingerprint(Object... parts) {
    long hash = 0xcbf29ce484222325L;
    for (Object part : parts) {
      if (part == null) {
        hash = (hash ^ 0x1e) * 0x100000001b3L;
        continue;
      }
      String text = part.toString();
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        hash = (hash ^ (c & 0xff)) * 0x100000001b3L;
        hash = (hash ^ (c >>> 8)) * 0x100000001b3L;
      }
      hash = (hash ^ 0x1f) * 0x100000001b3L;
    }
    return hash;
  }
}
