package io.karuta.frontend.http;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One parsed route template, such as {@code /announce}, {@code /:passkey/announce}, {@code
 * /{passkey}/announce} or {@code /files/*rest}. One trailing slash is dropped, so {@code
 * /announce/} is {@code /announce}.
 *
 * @param text the template as configured, for messages
 * @param segments the segments between slashes, none for {@code /}
 */
record RouteTemplate(String text, List<Segment> segments) {

  /** What a segment matches. */
  enum Type {
    /** Exactly its text. */
    LITERAL,
    /** Any one non-empty segment. */
    PARAM,
    /** The non-empty rest of the path, slashes included; only last. */
    CATCH_ALL
  }

  /**
   * A segment of a template.
   *
   * @param type what it matches
   * @param value the literal text, or the parameter's name
   */
  record Segment(Type type, String value) {}

  /**
   * Parses a template.
   *
   * @throws IllegalArgumentException naming the template if it is malformed
   */
  static RouteTemplate parse(String template) {
    if (template == null || !template.startsWith("/")) {
      throw bad(template, "must start with /");
    }
    int end = template.length();
    if (end > 1 && template.charAt(end - 1) == '/') {
      end--;
    }
    List<Segment> segments = new ArrayList<>();
    Set<String> names = new HashSet<>();
    // "/" has no segment; any other template has one after each slash, empty ones included.
    for (int start = 1; end > 1 && start <= end; ) {
      int slash = template.indexOf('/', start);
      int stop = slash < 0 || slash > end ? end : slash;
      Segment segment = segment(template, template.substring(start, stop));
      if (!segments.isEmpty() && segments.get(segments.size() - 1).type() == Type.CATCH_ALL) {
        throw bad(template, "a catch-all *name must be the last segment");
      }
      if (segment.type() != Type.LITERAL && !names.add(segment.value())) {
        throw bad(template, "parameter '" + segment.value() + "' appears twice");
      }
      segments.add(segment);
      start = stop + 1;
    }
    return new RouteTemplate(template, List.copyOf(segments));
  }

  /** Returns the names of the parameters, catch-all included, in path order. */
  String[] parameterNames() {
    return segments.stream()
        .filter(s -> s.type() != Type.LITERAL)
        .map(Segment::value)
        .toArray(String[]::new);
  }

  /**
   * Returns the template with every parameter name erased, so that two templates matching the same
   * paths have the same shape. For a template without parameters this is the path it matches, with
   * no trailing slash.
   */
  String shape() {
    StringBuilder out = new StringBuilder();
    for (Segment segment : segments) {
      out.append('/');
      switch (segment.type()) {
        case LITERAL -> out.append(segment.value());
        case PARAM -> out.append(':');
        case CATCH_ALL -> out.append('*');
      }
    }
    return out.length() == 0 ? "/" : out.toString();
  }

  private static Segment segment(String template, String text) {
    if (text.isEmpty()) {
      throw bad(template, "empty segment");
    }
    char first = text.charAt(0);
    if (first == ':') {
      return new Segment(Type.PARAM, name(template, text.substring(1)));
    }
    if (first == '*') {
      return new Segment(Type.CATCH_ALL, name(template, text.substring(1)));
    }
    if (first == '{') {
      if (text.charAt(text.length() - 1) != '}') {
        throw bad(template, "unclosed {");
      }
      return new Segment(Type.PARAM, name(template, text.substring(1, text.length() - 1)));
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= ' ' || c >= 0x7F || "{}:*?#".indexOf(c) >= 0) {
        throw bad(template, "character '" + c + "' not allowed in a literal segment");
      }
    }
    return new Segment(Type.LITERAL, text);
  }

  private static String name(String template, String name) {
    if (name.isEmpty()) {
      throw bad(template, "parameter without a name");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-'
              || c == '.';
      if (!allowed) {
        throw bad(template, "parameter names use letters, digits, '_', '-' and '.' only");
      }
    }
    return name;
  }

  private static IllegalArgumentException bad(String template, String reason) {
    return new IllegalArgumentException("bad route template '" + template + "': " + reason);
  }
}
