package io.sentiflow.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

  @Test
  void reportsGoUnderOpsTargetBenchOfTheHomeOrTheWorkingDirectory() {
    assertThat(BenchReport.directory("/srv/sentiflow")).isEqualTo(Path.of("/srv/sentiflow/ops/target/bench"));
    assertThat(BenchReport.directory(null)).isEqualTo(Path.of("ops/target/bench").toAbsolutePath());
  }

  @Test
  void chartBarsAreProportionalToTheirValues() {
    String svg = BarChart.svg("Rates", "per s", List.of(new BarChart.Bar("a", 200), new BarChart.Bar("b<c", 100)));

    assertThat(svg).startsWith("<svg").contains("width=\"420.0\"").contains("width=\"210.0\"")
        .contains("b&lt;c").doesNotContain("b<c");
  }
}
