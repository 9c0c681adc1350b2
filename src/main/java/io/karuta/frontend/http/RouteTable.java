package io.karuta.frontend.http;

import io.karuta.frontend.http.RouteTemplate.Segment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a raw request path to the announce or scrape route it names (chihaya's httprouter patterns).
 *
 * <p>Templates have literal segments, parameter segments written {@code :name} (chihaya) or {@code
 * {name}} (JAX-RS), and at most one catch-all {@code *name}, which must be the last segment and
 * captures the non-empty rest of the path, slashes included. Matching works on the raw,
 * still-percent-encoded path segment by segment, keeps values raw, and ignores one trailing slash
 * ({@code /announce/} is {@code /announce}). When several templates fit, at each segment from the
 * left a literal beats a parameter, which beats a catch-all.
 *
 * <p>A path that a template without parameters matches is found by one hash lookup that returns a
 * preallocated {@link Route} and allocates nothing. Immutable and thread-safe.
 */
public final class RouteTable {
  private final Map<String, Route> literals = new HashMap<>();
  private final Node root = new Node();
  private final boolean hasParameters;
  private final int maxParameters;

  /**
   * Builds the table.
   *
   * @param announceRoutes the announce templates
   * @param scrapeRoutes the scrape templates
   * @throws IllegalArgumentException naming the template if one is malformed, or if two templates
   *     of different kinds, or with different parameter names, match the same paths
   */
  public RouteTable(List<String> announceRoutes, List<String> scrapeRoutes) {
    Map<String, Terminal> byShape = new HashMap<>();
    int most = 0;
    boolean parameters = false;
    for (Route.Kind kind : Route.Kind.values()) {
      for (String text : kind == Route.Kind.ANNOUNCE ? announceRoutes : scrapeRoutes) {
        RouteTemplate template = RouteTemplate.parse(text);
        Terminal terminal =
            new Terminal(new Route(kind, Map.of()), template.parameterNames(), template.text());
        Terminal earlier = byShape.putIfAbsent(template.shape(), terminal);
        if (earlier != null) {
          checkSameRoute(earlier, terminal);
          continue;
        }
        add(template, terminal);
        most = Math.max(most, terminal.names.length);
        parameters |= terminal.names.length > 0;
      }
    }
    hasParameters = parameters;
    maxParameters = most;
  }

  /**
   * Returns the route that {@code rawPath} names, or {@code null} when it names none.
   *
   * @param rawPath the path as received: no query, not percent-decoded
   */
  public Route match(String rawPath) {
    if (rawPath == null) {
      return null;
    }
    Route literal = literals.get(rawPath);
    if (literal != null || !hasParameters || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
      return literal;
    }
    int end = rawPath.length();
    if (end > 1 && rawPath.charAt(end - 1) == '/') {
      end--;
    }
    String[] values = new String[maxParameters];
    Terminal found = end == 1 ? root.terminal : walk(root, rawPath, 1, end, values, 0);
    if (found == null) {
      return null;
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < found.names.length; i++) {
      params.put(found.names[i], values[i]);
    }
    return new Route(found.route.kind(), params);
  }

  private void add(RouteTemplate template, Terminal terminal) {
    if (terminal.names.length == 0) {
      String path = template.shape();
      literals.put(path, terminal.route);
      literals.put(path + "/", terminal.route);
    }
    Node node = root;
    for (Segment segment : template.segments()) {
      switch (segment.type()) {
        case LITERAL -> node = node.literals.computeIfAbsent(segment.value(), v -> new Node());
        case PARAM -> {
          if (node.param == null) {
            node.param = new Node();
          }
          node = node.param;
        }
        case CATCH_ALL -> {
          node.catchAll = terminal;
          return;
        }
      }
    }
    node.terminal = terminal;
  }

  /**
   * Finds the template matching {@code path[pos, end)}, where {@code pos} starts a segment; {@code
   * pos > end} means the path is used up. Each trie node is visited at most once.
   */
  private static Terminal walk(
      Node node, String path, int pos, int end, String[] values, int captured) {
    if (pos > end) {
      return node.terminal;
    }
    int slash = path.indexOf('/', pos);
    int stop = slash < 0 || slash > end ? end : slash;
    if (!node.literals.isEmpty()) {
      Node next = node.literals.get(path.substring(pos, stop));
      Terminal found = next == null ? null : walk(next, path, stop + 1, end, values, captured);
      if (found != null) {
        return found;
      }
    }
    if (node.param != null && stop > pos) {
      Terminal found = walk(node.param, path, stop + 1, end, values, captured + 1);
      if (found != null) {
        values[captured] = path.substring(pos, stop);
        return found;
      }
    }
    if (node.catchAll != null && end > pos) {
      values[captured] = path.substring(pos, end);
      return node.catchAll;
    }
    return null;
  }

  private static void checkSameRoute(Terminal earlier, Terminal later) {
    if (earlier.route.kind() != later.route.kind()) {
      throw new IllegalArgumentException(
          "route template '"
              + later.template
              + "' is both an announce and a scrape route (as '"
              + earlier.template
              + "')");
    }
    if (!List.of(earlier.names).equals(List.of(later.names))) {
      throw new IllegalArgumentException(
          "route template '"
              + later.template
              + "' matches the same paths as '"
              + earlier.template
              + "' with other parameter names");
    }
  }

  /** A trie node: one per distinct template prefix, parameter names erased. */
  private static final class Node {
    final Map<String, Node> literals = new HashMap<>();
    Node param;
    Terminal catchAll;
    Terminal terminal;
  }

  /** The template that ends at a node: its preallocated route and its parameter names in order. */
  private record Terminal(Route route, String[] names, String template) {}
}
