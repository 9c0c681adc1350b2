package io.karuta.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes series in the Prometheus text exposition format 0.0.4: one {@code # HELP} and {@code #
 * TYPE} per family, histograms as cumulative {@code _bucket} lines with {@code le}, then {@code
 * _sum} and {@code _count}. Used by Karuta's own metrics endpoint, which works on every server.
 */
public final class PrometheusText {
  /** The content type of the format. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private PrometheusText() {}

  /** Returns the exposition of {@code series}, grouped by family in first-seen order. */
  public static String write(List<Series> series) {
    Map<Family, List<Series>> byFamily = new LinkedHashMap<>();
    for (Series one : series) {
      byFamily.computeIfAbsent(one.family(), f -> new ArrayList<>()).add(one);
    }
    StringBuilder out = new StringBuilder(4096);
    for (Map.Entry<Family, List<Series>> entry : byFamily.entrySet()) {
      Family family = entry.getKey();
      out.append("# HELP ").append(family.name()).append(' ');
      escapeHelp(out, family.help());
      out.append('\n');
      out.append("# TYPE ")
          .append(family.name())
          .append(' ')
          .append(family.typeName())
          .append('\n');
      for (Series one : entry.getValue()) {
        write(out, one);
      }
    }
    return out.toString();
  }

  private static void write(StringBuilder out, Series series) {
    String name = series.family().name();
    if (series instanceof CounterSeries counter) {
      line(out, name, series.labels(), null, Long.toString(counter.value()));
    } else if (series instanceof GaugeSeries gauge) {
      line(out, name, series.labels(), null, number(gauge.value()));
    } else {
      HistogramSeries histogram = (HistogramSeries) series;
      double[] bounds = histogram.boundsSeconds();
      long cumulative = 0;
      long[] counts = new long[bounds.length + 1];
      for (int i = 0; i <= bounds.length; i++) {
        counts[i] = histogram.cumulativeCount(i);
      }
      for (int i = 0; i <= bounds.length; i++) {
        cumulative = counts[i];
        String le = i < bounds.length ? bound(bounds[i]) : "+Inf";
        line(out, name + "_bucket", series.labels(), le, Long.toString(cumulative));
      }
      line(out, name + "_sum", series.labels(), null, number(histogram.sumSeconds()));
      line(out, name + "_count", series.labels(), null, Long.toString(cumulative));
    }
  }

  private static void line(
      StringBuilder out, String name, List<Label> labels, String le, String value) {
    out.append(name);
    if (!labels.isEmpty() || le != null) {
      out.append('{');
      boolean first = true;
      for (Label label : labels) {
        if (!first) {
          out.append(',');
        }
        first = false;
        out.append(label.name()).append("=\"");
        escapeLabel(out, label.value());
        out.append('"');
      }
      if (le != null) {
        out.append(first ? "" : ",").append("le=\"").append(le).append('"');
      }
      out.append('}');
    }
    out.append(' ').append(value).append('\n');
  }

  /** Formats a number as Prometheus reads it: integers without a fraction, NaN and infinities. */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  /** Formats a bucket bound as the {@code le} label: plain decimal, as other exporters write it. */
  public static String bound(double seconds) {
    return java.math.BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString();
  }

  private static void escapeLabel(StringBuilder out, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
  }

  private static void escapeHelp(StringBuilder out, String help) {
    for (int i = 0; i < help.length(); i++) {
      char c = help.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
  }
}
