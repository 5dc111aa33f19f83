package io.sentiflow.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
    filter.settle(List.of(), List.of("1"));
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

    assertThat(filter.checkAll(batch)).containsExactly(DuplicateFilter.Verdict.NEW, null,
        DuplicateFilter.Verdict.REPEAT, DuplicateFilter.Verdict.CONFLICT, DuplicateFilter.Verdict.REPEAT);
  }

  @Test
  void aRepeatOfAnIdAnotherBatchIsStillWritingIsPendingUntilThatWriteSettles() {
    DuplicateFilter filter = new DuplicateFilter(10);
    List<Validated<String>> batch = List.of(new Validated.Valid<>("r", "x", 1L), new Validated.Valid<>("r", "y", 1L));

    assertThat(filter.checkAll(batch)).containsOnly(DuplicateFilter.Verdict.NEW);
    assertThat(filter.checkAll(batch)).containsOnly(DuplicateFilter.Verdict.PENDING);
    filter.settle(List.of("x"), List.of("y"));

    assertThat(filter.checkAll(batch)).containsExactly(DuplicateFilter.Verdict.REPEAT, DuplicateFilter.Verdict.NEW);
    assertThat(filter.checkAll(List.of(new Validated.Valid<>("r", "x", 2L))))
        .containsExactly(DuplicateFilter.Verdict.CONFLICT);
  }

  @Test
  void fingerprintSeparatesFieldsAndTellsNullFromTheWordNull() {
    assertThat(DuplicateFilter.fingerprint("ab", "c")).isNotEqualTo(DuplicateFilter.fingerprint("a", "bc"));
    assertThat(DuplicateFilter.fingerprint(null, "c")).isNotEqualTo(DuplicateFilter.fingerprint("null", "c"));
    assertThat(DuplicateFilter.fingerprint(null, "c")).isNotEqualTo(DuplicateFilter.fingerprint("", "c"));
  }
}
