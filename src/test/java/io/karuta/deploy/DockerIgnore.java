package io.karuta.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code .dockerignore} file, to tell whether the build context sends a file: the patterns in
 * order, the last one that matches the path or one of its parent directories deciding, {@code !}
 * sending again what an earlier pattern left out. {@code *} and {@code ?} stay within one path
 * element, {@code **} spans any number.
 */
final class DockerIgnore {
  private record Rule(Pattern pattern, boolean sends) {}

  private final List<Rule> rules;

  private DockerIgnore(List<Rule> rules) {
    this.rules = rules;
  }

  /** Reads the file at {@code path}. */
  static DockerIgnore read(Path path) throws IOException {
    List<Rule> rules = new ArrayList<>();
    for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
      String pattern = line.strip();
      if (pattern.isEmpty() || pattern.startsWith("#")) {
        continue;
      }
      boolean sends = pattern.startsWith("!");
      if (sends) {
        pattern = pattern.substring(1);
      }
      pattern = pattern.replaceAll("^/+|/+$", "");
      rules.add(new Rule(glob(pattern), sends));
    }
    return new DockerIgnore(rules);
  }

  /** Whether the context sends {@code path} (relative to the context, with {@code /}). */
  boolean sends(String path) {
    boolean sends = true;
    for (Rule rule : rules) {
      if (matchesItOrAParent(rule.pattern(), path)) {
        sends = rule.sends();
      }
    }
    return sends;
  }

  private static boolean matchesItOrAParent(Pattern pattern, String path) {
    for (int end = path.indexOf('/'); end >= 0; end = path.indexOf('/', end + 1)) {
      if (pattern.matcher(path.substring(0, end)).matches()) {
        return true;
      }
    }
    return pattern.matcher(path).matches();
  }

  private static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
