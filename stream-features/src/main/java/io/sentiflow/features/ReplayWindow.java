package io.sentiflow.features;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The records an at-least-once sink wrote after the checkpoint a job restarts from: their keys are
 * known (read back from the topic), and when the replayed input produces them again they are
 * dropped once, so every key still reaches the topic exactly once. Pure logic.
 */
public final class ReplayWindow {

  private final Set<String> writtenKeys;

  public ReplayWindow(Set<String> writtenKeys) {
    this.writtenKeys = new HashSet<>(writtenKeys);
  }

  public static ReplayWindow empty() {
    return new ReplayWindow(Set.of());
  }

  /**
   * Whether the record with {@code key} is already in the topic. Answers true once per written key:
   * the replay produces each record again exactly once.
   */
  public boolean alreadyWritten(String key) {
    return !writtenKeys.isEmpty() && writtenKeys.remove(key);
  }

  /** Keys written after the checkpoint whose replay has not come by yet. */
  public Set<String> pending() {
    return Set.copyOf(writtenKeys);
  }

  /**
   * Where to start reading back: for each partition the lowest end offset any subtask saw at the
   * checkpoint, so that no record written after it is missed.
   */
  public static Map<Integer, Long> earliest(Iterable<? extends Map.Entry<Integer, Long>> endOffsets) {
    Map<Integer, Long> earliest = new HashMap<>();
    for (Map.Entry<Integer, Long> entry : endOffsets) {
      earliest.merge(entry.getKey(), entry.getValue(), Math::min);
    }
    return earliest;
  }
}
