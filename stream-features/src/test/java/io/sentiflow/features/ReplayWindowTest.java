package io.sentiflow.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplayWindowTest {

  @Test
  void dropsEachWrittenKeyOnceAndPassesEverythingElse() {
    ReplayWindow window = new ReplayWindow(Set.of("a", "b"));

    assertThat(window.alreadyWritten("a")).isTrue();
    assertThat(window.alreadyWritten("a")).as("a second record with the key is new output").isFalse();
    assertThat(window.alreadyWritten("c")).isFalse();
    assertThat(window.pending()).containsExactly("b");
  }

  @Test
  void anEmptyWindowPassesEverything() {
    assertThat(ReplayWindow.empty().alreadyWritten("a")).isFalse();
    assertThat(ReplayWindow.empty().pending()).isEmpty();
  }

  @Test
  void readsBackFromTheLowestEndOffsetAnySubtaskSawPerPartition() {
    List<Map.Entry<Integer, Long>> seen = List.of(
        Map.entry(0, 120L), Map.entry(1, 40L),
        Map.entry(0, 118L), Map.entry(1, 44L), Map.entry(2, 7L));

    assertThat(ReplayWindow.earliest(seen)).containsExactlyInAnyOrderEntriesOf(Map.of(0, 118L, 1, 40L, 2, 7L));
  }
}
