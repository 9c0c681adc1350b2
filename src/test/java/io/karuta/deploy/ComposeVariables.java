package io.karuta.deploy;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compose's variable interpolation, as far as the project's compose file uses it: {@code ${NAME}},
 * {@code ${NAME:-default}} (unset or empty), {@code ${NAME-default}} (unset), {@code
 * ${NAME:?message}} and {@code ${NAME?message}} (required), and {@code $$} for a dollar sign.
 */
final class ComposeVariables {
  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

  private ComposeVariables() {}

  /** Thrown for a required variable that is not set, with Compose's message. */
  static final class Missing extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Missing(String message) {
      super(message);
    }
  }

  /** Returns {@code text} with the variables replaced by their values in {@code variables}. */
  static String interpolate(String text, Map<String, String> variables) {
    Matcher matcher = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String replacement;
      if (matcher.group().equals("$$")) {
        replacement = "$";
      } else {
        String name = matcher.group(1);
        String operator = matcher.group(2);
        String word = matcher.group(3);
        String value = variables.get(name);
        boolean missing =
            value == null || (operator != null && operator.startsWith(":") && value.isEmpty());
        if (!missing) {
          replacement = value;
        } else if (operator == null) {
          replacement = "";
        } else if (operator.endsWith("-")) {
          replacement = word;
        } else {
          throw new Missing("required variable " + name + " is missing a value: " + word);
        }
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    return matcher.appendTail(out).toString();
  }
}
