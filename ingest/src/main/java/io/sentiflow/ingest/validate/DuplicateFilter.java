package io.sentiflow.ingest.validate;

import java.util.ArrayList;
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
 * <p>The ids a batch classifies as new stay pending until the batch is settled (see {@link
 * Batch#settle}): until then another batch repeating one hears {@link Verdict#PENDING}, since the
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
   * The write of one batch's new ids. Its entries point at it, so settling the batch settles them
   * all with one write instead of a lookup per id. Guarded by the filter's lock.
   */
  private static final class PendingWrite {
    boolean settled;
  }

  /**
   * An id's fingerprint and the batch write that remembered it (null when it was remembered as
   * stored right away).
   */
  private record Entry(long fingerprint, PendingWrite write) {

    boolean pending() {
      return write != null && !write.settled;
    }
  }

  /** A batch classified by {@link #checkAll}: a verdict per record, and its new ids pending until {@link #settle}. */
  public final class Batch {
    private final List<? extends Validated<?>> records;
    private final Verdict[] verdicts;
    private final PendingWrite write = new PendingWrite();

    private Batch(List<? extends Validated<?>> records) {
      this.records = records;
      this.verdicts = new Verdict[records.size()];
    }

    /** The verdict of record {@code index}; null for an invalid record. */
    public Verdict verdict(int index) {
      return verdicts[index];
    }

    /**
     * The batch's new ids count as stored from now on, except {@code notStored}, which are
     * forgotten so the client's retry is taken as new. Call once.
     */
    public void settle(Collection<String> notStored) {
      synchronized (DuplicateFilter.this) {
        write.settled = true;
        for (String id : notStored) {
          Entry entry = entries.get(id);
          // Evicted meanwhile and remembered again by another batch: not this batch's to forget.
          if (entry != null && entry.write() == write) {
            entries.remove(id);
          }
        }
      }
    }

    /** None of the batch's new ids was stored: all are forgotten. */
    public void settleNoneStored() {
      List<String> newIds = new ArrayList<>();
      for (int i = 0; i < verdicts.length; i++) {
        if (verdicts[i] == Verdict.NEW) {
          newIds.add(((Validated.Valid<?>) records.get(i)).key());
        }
      }
      settle(newIds);
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
   * line by line. New ids are remembered as pending until the batch is settled.
   */
  public synchronized Batch checkAll(List<? extends Validated<?>> records) {
    Batch batch = new Batch(records);
    for (int i = 0; i < batch.verdicts.length; i++) {
      if (records.get(i) instanceof Validated.Valid<?> valid) {
        batch.verdicts[i] = classify(valid.key(), valid.fingerprint(), batch.write);
      }
    }
    return batch;
  }

  private Verdict classify(String id, long fingerprint, PendingWrite write) {
    Entry seen = entries.putIfAbsent(id, new Entry(fingerprint, write));
    if (seen == null) {
      return Verdict.NEW;
    }
    if (seen.fingerprint() != fingerprint) {
      return Verdict.CONFLICT;
    }
    return seen.pending() && seen.write() != write ? Verdict.PENDING : Verdict.REPEAT;
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
