package io.sentiflow.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DuplicateFilterTest {

  @Test
  void repeatIsRecognisedConflictIsFlaggedAndOldIdsAreForgotten() {
    DuplicateFilter filter = new DuplicateFilter(2);
    long a = DuplicateFilter.fingerprint("t", "x");

    assertThat(filter.check("1", a)).isEqualTo(DuplicateFilter.Verdict.NEW);
    assertThat(filter.check("1", a)).isEqualTo(DuplicateFilter.Verdict.REPEAT);
    assertThat(filter.check("1", DuplicateFilter.fingerprint("t", "y"))).isEqualTo(DuplicateFilter.Verdict.CONFLICT);
    filter.check("2", a);
    filter.check("3", a);
    assertThat(filter.size()).isEqualTo(2);
    assertThat(filter.check("1", a)).isEqualTo(DuplicateFilter.Verdict.NEW);
  }

  @Test
  void aBatchIsClassifiedInOrderAsLineByLineChecksWouldBe() {
    DuplicateFilter filter = new DuplicateFilter(10);
    filter.check("seen", 1L);
    List<Validated<String>> batch = List.of(new Validated.Valid<>("r", "new", 1L),
        new Validated.Invalid<>("missing_field", "missing text", "broken", new byte[0]),
        new Validated.Valid<>("r", "seen", 1L), new Validated.Valid<>("r", "seen", 2L),
        new Validated.Valid<>("r", "new", 1L));

    assertThat(verdicts(filter.checkAll(batch), batch.size())).containsExactly(DuplicateFilter.Verdict.NEW, null,
        DuplicateFilter.Verdict.REPEAT, DuplicateFilter.Verdict.CONFLICT, DuplicateFilter.Verdict.REPEAT);
  }

  @Test
  void aRepeatOfAnIdAnotherBatchIsStillWritingIsPendingUntilThatWriteSettles() {
    DuplicateFilter filter = new DuplicateFilter(10);
    List<Validated<String>> batch = List.of(new Validated.Valid<>("r", "x", 1L), new Validated.Valid<>("r", "y", 1L));

    DuplicateFilter.Batch first = filter.checkAll(batch);
    assertThat(verdicts(first, 2)).containsOnly(DuplicateFilter.Verdict.NEW);
    assertThat(verdicts(filter.checkAll(batch), 2)).containsOnly(DuplicateFilter.Verdict.PENDING);
    assertThat(filter.check("x", 1L)).isEqualTo(DuplicateFilter.Verdict.PENDING);
    first.settle(List.of("y"));

    DuplicateFilter.Batch retry = filter.checkAll(batch);
    assertThat(verdicts(retry, 2)).containsExactly(DuplicateFilter.Verdict.REPEAT, DuplicateFilter.Verdict.NEW);
    assertThat(verdicts(filter.checkAll(List.of(new Validated.Valid<>("r", "x", 2L))), 1))
        .containsExactly(DuplicateFilter.Verdict.CONFLICT);
    retry.settleNoneStored();
    assertThat(filter.check("y", 1L)).isEqualTo(DuplicateFilter.Verdict.NEW);
  }

  @Test
  void settlingForgetsOnlyTheIdsItsOwnBatchRemembered() {
    DuplicateFilter filter = new DuplicateFilter(1);
    DuplicateFilter.Batch first = filter.checkAll(List.of(new Validated.Valid<>("r", "x", 1L)));
    // Evicts the first batch's x; the second remembers x again, pending its own write.
    filter.check("z", 1L);
    DuplicateFilter.Batch second = filter.checkAll(List.of(new Validated.Valid<>("r", "x", 1L)));
    assertThat(second.verdict(0)).isEqualTo(DuplicateFilter.Verdict.NEW);

    first.settle(List.of("x"));

    assertThat(filter.check("x", 1L)).isEqualTo(DuplicateFilter.Verdict.PENDING);
    second.settle(List.of());
    assertThat(filter.check("x", 1L)).isEqualTo(DuplicateFilter.Verdict.REPEAT);
  }

  private static List<DuplicateFilter.Verdict> verdicts(DuplicateFilter.Batch batch, int size) {
    return IntStream.range(0, size).mapToObj(batch::verdict).toList();
  }

  @Test
  void fingerprintSeparatesFieldsAndTellsNullFromTheWordNull() {
    assertThat(DuplicateFilter.fingerprint("ab", "c")).isNotEqualTo(DuplicateFilter.fingerprint("a", "bc"));
    assertThat(DuplicateFilter.fingerprint(null, "c")).isNotEqualTo(DuplicateFilter.fingerprint("null", "c"));
    assertThat(DuplicateFilter.fingerprint(null, "c")).isNotEqualTo(DuplicateFilter.fingerprint("", "c"));
  }
}
