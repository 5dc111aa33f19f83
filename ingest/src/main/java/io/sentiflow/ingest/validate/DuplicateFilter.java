package io.sentiflow.ingest.validate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers the content fingerprint of the most recent comment ids so that a comment sent twice
 * is written once: the same id with the same content is a repeat (accepted, not written again);
 * the same id with other content is a conflict. Bounded: the least recently seen ids are
 * forgotten first. Thread-safe.
 */
public final class DuplicateFilter {

  /** What a comment is relative to the ones seen before. */
  public enum Verdict { NEW, REPEAT, CONFLICT }

  private final Map<String, Long> fingerprints;

  public DuplicateFilter(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.fingerprints = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
        return size() > capacity;
      }
    };
  }

  /** Classifies {@code id} and, when it is new, remembers it with its fingerprint. */
  public synchronized Verdict check(String id, long fingerprint) {
    return classify(id, fingerprint);
  }

  /**
   * {@link #check} for every valid record of a batch, in order, under one lock: a request of
   * hundreds of lines takes the lock once instead of once a line, so concurrent requests do not
   * queue on it line by line. Invalid records get null.
   */
  public synchronized Verdict[] checkAll(List<? extends Validated<?>> batch) {
    Verdict[] verdicts = new Verdict[batch.size()];
    for (int i = 0; i < verdicts.length; i++) {
      if (batch.get(i) instanceof Validated.Valid<?> valid) {
        verdicts[i] = classify(valid.key(), valid.fingerprint());
      }
    }
    return verdicts;
  }

  private Verdict classify(String id, long fingerprint) {
    Long seen = fingerprints.putIfAbsent(id, fingerprint);
    if (seen == null) {
      return Verdict.NEW;
    }
    return seen == fingerprint ? Verdict.REPEAT : Verdict.CONFLICT;
  }

  /** Forgets {@code id}, e.g. when writing it failed and the client will send it again. */
  public synchronized void forget(String id) {
    fingerprints.remove(id);
  }

  /** Ids remembered now. */
  public synchronized int size() {
    return fingerprints.size();
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
