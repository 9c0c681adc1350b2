package io.karuta.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instructions of a Dockerfile, for static checks: as much of the Dockerfile syntax as the
 * project's own files use. Lines ending in a backslash continue on the next one, comment lines
 * (also inside a continued instruction) are skipped, exec forms ({@code ["a", "b"]}) are read as
 * JSON arrays, shell forms are split at spaces. No parser directives, heredocs or escapes other
 * than the backslash.
 */
final class Dockerfile {
  /** One instruction: its keyword in upper case and the rest of the line, continuations joined. */
  record Instruction(String keyword, String arguments) {}

  /** A {@code COPY}: its options ({@code --chown=...}), sources and destination, as written. */
  record Copy(List<String> options, List<String> sources, String destination) {}

  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)");

  private final Path path;
  private final List<Instruction> instructions;

  private Dockerfile(Path path, List<Instruction> instructions) {
    this.path = path;
    this.instructions = instructions;
  }

  /** Reads and splits the Dockerfile at {@code path}. */
  static Dockerfile read(Path path) throws IOException {
    return parse(path, Files.readString(path, StandardCharsets.UTF_8));
  }

  /** Splits {@code text} into instructions; {@code path} only names it in messages. */
  static Dockerfile parse(Path path, String text) {
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.length() == 0)) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        current.append(trimmed.substring(0, trimmed.length() - 1).strip()).append(' ');
        continue;
      }
      current.append(trimmed);
      String joined = current.toString().strip();
      current.setLength(0);
      if (!joined.isEmpty()) {
        int space = joined.indexOf(' ');
        if (space < 0) {
          throw new IllegalArgumentException(
              path + ": an instruction without arguments: " + joined);
        }
        instructions.add(
            new Instruction(
                joined.substring(0, space).toUpperCase(java.util.Locale.ROOT),
                joined.substring(space + 1).strip()));
      }
    }
    if (current.length() > 0) {
      throw new IllegalArgumentException(path + ": ends inside a continued line");
    }
    return new Dockerfile(path, List.copyOf(instructions));
  }

  /** Returns the instructions in order. */
  List<Instruction> instructions() {
    return instructions;
  }

  /** Returns the arguments of every instruction with {@code keyword}, in order. */
  List<String> all(String keyword) {
    return instructions.stream()
        .filter(i -> i.keyword().equals(keyword))
        .map(Instruction::arguments)
        .toList();
  }

  /**
   * Returns the arguments of the only instruction with {@code keyword}; fails if not exactly one.
   */
  String only(String keyword) {
    List<String> all = all(keyword);
    if (all.size() != 1) {
      throw new AssertionError(path + ": " + all.size() + " " + keyword + " instructions, not one");
    }
    return all.get(0);
  }

  /** Returns the default value of {@code ARG name=value}, if the file declares it with one. */
  Optional<String> argDefault(String name) {
    for (String arg : all("ARG")) {
      int equals = arg.indexOf('=');
      if (equals > 0 && arg.substring(0, equals).equals(name)) {
        return Optional.of(unquote(arg.substring(equals + 1)));
      }
    }
    return Optional.empty();
  }

  /** Returns every {@code ENV} setting in the {@code key=value} form, the later winning. */
  Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    for (String arguments : all("ENV")) {
      for (String word : words(arguments)) {
        int equals = word.indexOf('=');
        if (equals <= 0) {
          throw new AssertionError(path + ": ENV without key=value: " + arguments);
        }
        env.put(word.substring(0, equals), unquote(word.substring(equals + 1)));
      }
    }
    return env;
  }

  /** Returns every {@code COPY}. */
  List<Copy> copies() {
    List<Copy> copies = new ArrayList<>();
    for (String arguments : all("COPY")) {
      List<String> words = arguments.startsWith("[") ? json(arguments) : words(arguments);
      List<String> options = new ArrayList<>();
      int at = 0;
      while (words.get(at).startsWith("--")) {
        options.add(words.get(at++));
      }
      List<String> rest = words.subList(at, words.size());
      copies.add(
          new Copy(
              options, List.copyOf(rest.subList(0, rest.size() - 1)), rest.get(rest.size() - 1)));
    }
    return copies;
  }

  /** Returns the ports of every {@code EXPOSE}, such as {@code 6969/tcp}. */
  List<String> exposed() {
    return all("EXPOSE").stream().flatMap(e -> words(e).stream()).toList();
  }

  /** Returns an exec-form instruction ({@code ENTRYPOINT}, {@code CMD}) as its list of words. */
  List<String> execForm(String keyword) {
    String arguments = only(keyword);
    if (!arguments.startsWith("[")) {
      throw new AssertionError(path + ": " + keyword + " is not in exec form: " + arguments);
    }
    return json(arguments);
  }

  /** Returns the command of the {@code HEALTHCHECK}, which must be {@code CMD} in exec form. */
  List<String> healthcheckCommand() {
    String arguments = only("HEALTHCHECK");
    int cmd = arguments.indexOf("CMD [");
    if (cmd < 0) {
      throw new AssertionError(path + ": HEALTHCHECK without CMD in exec form: " + arguments);
    }
    return json(arguments.substring(cmd + 4));
  }

  /** Returns the options of the {@code HEALTHCHECK}, such as {@code --interval=10s}. */
  List<String> healthcheckOptions() {
    String arguments = only("HEALTHCHECK");
    return words(arguments.substring(0, arguments.indexOf("CMD"))).stream().toList();
  }

  /**
   * Replaces {@code $NAME} and {@code ${NAME}} in {@code text} with the values in {@code
   * variables}; fails on a variable it does not know.
   */
  static String expand(String text, Map<String, String> variables) {
    Matcher matcher = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
      String value = variables.get(name);
      if (value == null) {
        throw new AssertionError("unknown variable $" + name + " in " + text);
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    return matcher.appendTail(out).toString();
  }

  private static List<String> json(String array) {
    // A JSON array of strings is also YAML, and SnakeYAML is on the class path.
    Object parsed = Yamls.load(array);
    if (!(parsed instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
      throw new AssertionError("not a JSON array of strings: " + array);
    }
    return list.stream().map(String.class::cast).toList();
  }

  /** Splits at blanks outside double quotes; the quotes stay in the words. */
  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    for (char c : text.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      }
      if (Character.isWhitespace(c) && !quoted) {
        if (word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
        }
      } else {
        word.append(c);
      }
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }

  private static String unquote(String value) {
    return value.replace("\"", "");
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
