package io.karuta.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.ClientError;
import io.karuta.stats.StatsSampler;
import io.karuta.testing.TrackerContainer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Keeps docs/metrics.md, the Grafana dashboard and the code in step: the dashboard is valid JSON
 * whose panels all use the datasource variable and query only documented metrics, and the table of
 * docs/metrics.md lists exactly the families the code creates, with their types and buckets.
 */
class DashboardTest {
  private static final Path METRICS_MD = Path.of("docs", "metrics.md");
  private static final Path DASHBOARD = Path.of("docs", "grafana", "karuta-dashboard.json");
  private static final Path MAIN = Path.of("src", "main", "java");
  private static final String DATASOURCE = "${datasource}";

  // A row of the metrics table: | `name` | type | ...
  private static final Pattern TABLE_ROW =
      Pattern.compile("^\\| `(karuta_[a-z0-9_]+)` \\| (counter|gauge|histogram) \\|");
  private static final Pattern METRIC_NAME = Pattern.compile("\\bkaruta_[a-z0-9_]+");
  private static final Pattern CLIENT_ERROR = Pattern.compile("new ClientError\\(\\s*\"([^\"]+)\"");

  @Test
  void theDashboardIsJsonWithARecentSchemaAndBothVariables() throws IOException {
    Map<String, Object> dashboard = dashboard();
    assertTrue(number(dashboard.get("schemaVersion")) >= 36, "a recent schemaVersion");
    List<Map<String, Object>> variables = maps(map(dashboard.get("templating")).get("list"));
    Map<String, Object> datasource = variable(variables, "datasource");
    assertEquals("datasource", datasource.get("type"));
    assertEquals("prometheus", datasource.get("query"));
    Map<String, Object> instance = variable(variables, "instance");
    assertEquals("query", instance.get("type"));
    assertEquals(DATASOURCE, map(instance.get("datasource")).get("uid"));
    assertTrue(
        String.valueOf(instance.get("definition")).contains("karuta_"),
        "the instance variable reads a Karuta metric");
  }

  @Test
  void everyPanelQueriesThroughTheDatasourceVariable() throws IOException {
    List<Map<String, Object>> panels = panels();
    assertFalse(panels.isEmpty());
    Set<Object> ids = new TreeSet<>();
    for (Map<String, Object> panel : panels) {
      String title = String.valueOf(panel.get("title"));
      assertTrue(ids.add(panel.get("id")), title + ": a unique id");
      assertDatasource(title, panel.get("datasource"));
      List<Map<String, Object>> targets = maps(panel.get("targets"));
      assertFalse(targets.isEmpty(), title + ": at least one target");
      for (Map<String, Object> target : targets) {
        assertDatasource(title, target.get("datasource"));
        String expr = String.valueOf(target.get("expr"));
        assertTrue(METRIC_NAME.matcher(expr).find(), title + ": queries a Karuta metric: " + expr);
        // The same query must work on Payara's /metrics and on /stats/metrics.
        assertFalse(expr.contains("mp_scope"), title + ": does not depend on mp_scope: " + expr);
        assertTrue(expr.contains("$instance"), title + ": honours the instance variable: " + expr);
        assertEquals(0, depth(expr, '(', ')'), title + ": balanced parentheses: " + expr);
        assertEquals(0, depth(expr, '{', '}'), title + ": balanced braces: " + expr);
      }
    }
  }

  @Test
  void everyMetricTheDashboardQueriesIsDocumented() throws IOException {
    Map<String, String> documented = documentedFamilies();
    for (Map<String, Object> panel : panels()) {
      for (Map<String, Object> target : maps(panel.get("targets"))) {
        Matcher names = METRIC_NAME.matcher(String.valueOf(target.get("expr")));
        while (names.find()) {
          String name = names.group();
          assertTrue(
              documented.containsKey(name) || isHistogramPart(name, documented),
              panel.get("title") + ": " + name + " is not in " + METRICS_MD);
        }
      }
    }
  }

  @Test
  void theDocumentedFamiliesAreExactlyThoseOfTheCode() throws IOException {
    Map<String, String> documented = documentedFamilies();
    Map<String, String> code = codeFamilies();
    assertEquals(code, documented, METRICS_MD + " table versus the families the code creates");
  }

  @Test
  void theDocumentedBucketsAreThoseOfTheCode() throws IOException {
    String text = Files.readString(METRICS_MD, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    for (double[] bounds : List.of(TrackerMetrics.REQUEST_BUCKETS, TrackerMetrics.SWEEP_BUCKETS)) {
      String expected =
          Stream.concat(Arrays.stream(bounds).mapToObj(PrometheusText::bound), Stream.of("+Inf"))
              .map(le -> "`" + le + "`")
              .collect(Collectors.joining(", "));
      assertTrue(text.contains(expected), METRICS_MD + " lists the buckets " + expected);
    }
  }

  @Test
  void everyClientErrorTextOfTheCodeIsDocumented() throws IOException {
    String text = Files.readString(METRICS_MD, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    List<String> missing = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher errors = CLIENT_ERROR.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (errors.find()) {
          if (!text.contains("`" + errors.group(1) + "`")) {
            missing.add(errors.group(1) + " (" + file.getFileName() + ")");
          }
        }
      }
    }
    assertEquals(List.of(), missing, "error texts missing from " + METRICS_MD);
  }

  /**
   * Returns every family the running code creates, name to type: a real container with the stats
   * sampler (its gauges), after one request of each protocol (the request histograms have series
   * from then on), a hook rejection and a UDP drop.
   */
  private static Map<String, String> codeFamilies() {
    WeldContainer container = TrackerContainer.startTracker(Map.of("karuta.udp.addr", ""));
    try {
      // Looked up before the metrics, so the sampler has registered its gauges.
      container.select(StatsSampler.class).get().sample();
      TrackerMetrics metrics = container.select(TrackerMetrics.class).get();
      metrics.request(Protocol.HTTP, Action.ANNOUNCE, AddressFamily.IPV4, null, 1_000);
      metrics.request(Protocol.UDP, Action.CONNECT, AddressFamily.IPV6, null, 1_000);
      metrics.hookRejections("passkey").count(new ClientError("unapproved request"));
      metrics.udpDropped(UdpDropReason.TOO_SHORT);
      metrics.storeSweep(1_000);
      Map<String, String> families = new TreeMap<>();
      for (Series series : metrics.series()) {
        families.put(series.family().name(), series.family().typeName());
      }
      assertEquals(
          new TreeSet<>(metrics.familyNames()),
          families.keySet(),
          "every family has a series, so its type is known");
      return families;
    } finally {
      container.shutdown();
    }
  }

  /** Returns the rows of the table under "## The metrics", name to type. */
  private static Map<String, String> documentedFamilies() throws IOException {
    Map<String, String> families = new TreeMap<>();
    for (String line : Files.readAllLines(METRICS_MD, StandardCharsets.UTF_8)) {
      Matcher row = TABLE_ROW.matcher(line);
      if (row.find()) {
        assertEquals(null, families.put(row.group(1), row.group(2)), "listed once: " + line);
      }
    }
    assertFalse(families.isEmpty(), METRICS_MD + " has a table of metrics");
    return families;
  }

  private static boolean isHistogramPart(String name, Map<String, String> documented) {
    for (String suffix : List.of("_bucket", "_sum", "_count")) {
      if (name.endsWith(suffix)) {
        String family = name.substring(0, name.length() - suffix.length());
        return "histogram".equals(documented.get(family));
      }
    }
    return false;
  }

  private static void assertDatasource(String title, Object datasource) {
    Map<String, Object> reference = map(datasource);
    assertEquals("prometheus", reference.get("type"), title + ": a Prometheus datasource");
    assertEquals(DATASOURCE, reference.get("uid"), title + ": the datasource variable");
  }

  private static int depth(String text, char open, char close) {
    int depth = 0;
    for (char c : text.toCharArray()) {
      if (c == open) {
        depth++;
      } else if (c == close) {
        depth--;
      }
      if (depth < 0) {
        return depth;
      }
    }
    return depth;
  }

  private static Map<String, Object> dashboard() throws IOException {
    // JSON is YAML 1.2, and SnakeYAML reads the JSON Grafana writes.
    Object parsed = new Yaml().load(Files.readString(DASHBOARD, StandardCharsets.UTF_8));
    return map(parsed);
  }

  private static List<Map<String, Object>> panels() throws IOException {
    List<Map<String, Object>> panels = new ArrayList<>();
    for (Map<String, Object> panel : maps(dashboard().get("panels"))) {
      // A row may hold collapsed panels of its own.
      if ("row".equals(panel.get("type"))) {
        if (panel.get("panels") != null) {
          panels.addAll(maps(panel.get("panels")));
        }
      } else {
        panels.add(panel);
      }
    }
    return panels;
  }

  private static Map<String, Object> variable(List<Map<String, Object>> variables, String name) {
    return variables.stream()
        .filter(v -> name.equals(v.get("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no template variable " + name));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertInstanceOf(Map.class, value);
    return (Map<String, Object>) value;
  }

  private static List<Map<String, Object>> maps(Object value) {
    assertInstanceOf(List.class, value);
    List<Map<String, Object>> maps = new ArrayList<>();
    for (Object one : (List<?>) value) {
      maps.add(map(one));
    }
    return maps;
  }

  private static int number(Object value) {
    assertInstanceOf(Number.class, value);
    return ((Number) value).intValue();
  }
}
