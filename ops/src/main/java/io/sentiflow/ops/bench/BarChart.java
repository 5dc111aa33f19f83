package io.sentiflow.ops.bench;

import java.util.List;
import java.util.Locale;

/** A horizontal SVG bar chart with the value printed beside each bar; no library needed to view it. */
final class BarChart {

  /** One bar. */
  record Bar(String label, double value) {}

  private static final int LABEL_WIDTH = 260;
  private static final int BAR_AREA = 420;
  private static final int ROW = 28;

  private BarChart() {}

  static String svg(String title, String unit, List<Bar> bars) {
    double max = bars.stream().mapToDouble(Bar::value).filter(Double::isFinite).max().orElse(0);
    int height = 40 + bars.size() * ROW + 10;
    int width = LABEL_WIDTH + BAR_AREA + 140;
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
            + "font-size=\"13\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
            + "<text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>%n",
        width, height, escape(title)));
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      int y = 40 + i * ROW;
      double value = Double.isFinite(bar.value()) ? bar.value() : 0;
      double length = max <= 0 ? 0 : BAR_AREA * value / max;
      svg.append(String.format(Locale.ROOT,
          "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n"
              + "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#4a7ebb\"/>%n"
              + "<text x=\"%.1f\" y=\"%d\">%s %s</text>%n",
          LABEL_WIDTH - 8, y + 15, escape(bar.label()), LABEL_WIDTH, y, length, ROW - 8,
          LABEL_WIDTH + length + 6, y + 15, format(bar.value()), escape(unit)));
    }
    return svg.append("</svg>\n").toString();
  }

  static String format(double value) {
    if (!Double.isFinite(value)) {
      return "n/a";
    }
    return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
        : String.format(Locale.ROOT, "%.3f", value);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
