package io.karuta.it;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The samples of a Prometheus text exposition, keyed by name and sorted labels ({@code
 * name{a="1",b="2"}}), so tests can compare Payara's {@code /metrics} and Karuta's {@code
 * /stats/metrics}. The {@code mp_scope} label Payara adds is dropped.
 */
record Exposition(Map<String, Double> samples) {

  /** Parses the sample lines of {@code text}; comment lines are skipped. */
  static Exposition parse(String text) {
    Map<String, Double> samples = new TreeMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      String series = line.substring(0, space);
      double value = Double.parseDouble(line.substring(space + 1).replace("+Inf", "Infinity"));
      samples.put(key(series), value);
    }
    return new Exposition(samples);
  }

  private static String key(String series) {
    int brace = series.indexOf('{');
    if (brace < 0) {
      return series;
    }
    TreeSet<String> labels = new TreeSet<>();
    String body = series.substring(brace + 1, series.length() - 1);
    int at = 0;
    while (at < body.length()) {
      int equals = body.indexOf('=', at);
      int end = body.indexOf('"', equals + 2);
      while (body.charAt(end - 1) == '\\') {
        end = body.indexOf('"', end + 1);
      }
      String label = body.substring(at, end + 1);
      if (!label.startsWith("mp_scope=")) {
        labels.add(label);
      }
      at = end + 2;
    }
    return series.substring(0, brace)
        + (labels.isEmpty() ? "" : "{" + String.join(",", labels) + "}");
  }

  /** Returns the value of {@code key} (as {@link #parse} builds keys), or {@code null}. */
  Double get(String key) {
    return samples.get(key);
  }

  /** Returns the names of the samples starting with {@code prefix}, without labels. */
  Set<String> names(String prefix) {
    Set<String> names = new TreeSet<>();
    for (String key : samples.keySet()) {
      String name = key.contains("{") ? key.substring(0, key.indexOf('{')) : key;
      if (name.startsWith(prefix)) {
        names.add(name);
      }
    }
    return names;
  }
}
