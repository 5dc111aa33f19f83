package io.sentiflow.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

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
    filter.forget("1");
    assertThat(filter.check("1", a)).isEqualTo(DuplicateFilter.Verdict.NEW);
  }

  @Test
  void fingerprintSeparatesFields() {
    assertThat(DuplicateFilter.fingerprint("ab", "c")).isNotEqualTo(DuplicateFilter.fingerprint("a", "bc"));
    assertThat(DuplicateFilter.fingerprint(null, "c")).isEqualTo(DuplicateFilter.fingerprint(null, "c"));
  }
}
