package io.sentiflow.ops.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bench's Markdown report with its SVG charts, written under {@code ops/target/bench/} of
 * {@code SENTIFLOW_HOME} (the working directory when unset).
 */
final class BenchReport {

  private final String name;
  private final StringBuilder markdown = new StringBuilder();
  private final Path directory;

  BenchReport(String name, String title) {
    this.name = name;
    this.directory = directory(System.getenv("SENTIFLOW_HOME"));
    markdown.append("# ").append(title).append("\n\n")
        .append(String.format(Locale.ROOT, "Run at %s on %d CPU cores, load average %.2f at the end.%n%n",
            Instant.now(), Runtime.getRuntime().availableProcessors(), loadAverage()));
  }

  static Path directory(String sentiflowHome) {
    Path base = sentiflowHome == null || sentiflowHome.isBlank() ? Path.of("") : Path.of(sentiflowHome);
    return base.resolve("ops").resolve("target").resolve("bench").toAbsolutePath();
  }

  /** The 1-minute system load average, or NaN where the platform has none. */
  static double loadAverage() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? Double.NaN : load;
  }

  BenchReport paragraph(String text) {
    markdown.append(text).append("\n\n");
    return this;
  }

  /** A two-column table of figures. */
  BenchReport table(Map<String, String> rows) {
    markdown.append("| figure | value |\n|---|---|\n");
    rows.forEach((key, value) -> markdown.append("| ").append(key).append(" | ").append(value).append(" |\n"));
    markdown.append('\n');
    return this;
  }

  /** A bar chart, written as {@code <bench>-<slug>.svg} beside the report and embedded in it. */
  BenchReport chart(String slug, String title, String unit, List<BarChart.Bar> bars) throws IOException {
    String file = name + "-" + slug + ".svg";
    Files.createDirectories(directory);
    Files.writeString(directory.resolve(file), BarChart.svg(title, unit, bars), StandardCharsets.UTF_8);
    markdown.append("![").append(title).append("](").append(file).append(")\n\n");
    return this;
  }

  /** Writes {@code <bench>.md} with the final JSON line appended; returns its path. */
  Path write(JsonLine figures) throws IOException {
    markdown.append("Figures as JSON:\n\n```json\n").append(figures).append("\n```\n");
    Files.createDirectories(directory);
    Path report = directory.resolve(name + ".md");
    Files.writeString(report, markdown, StandardCharsets.UTF_8);
    return report;
  }
}
