package io.karuta.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A typed, validating view of the properties under one prefix: the root {@code karuta.}, a store's
 * {@code karuta.storage.config.}, or a hook's {@code karuta.prehooks[0].options.}.
 *
 * <p>Keys passed to the methods are relative to the prefix. A getter returns its default when the
 * property is absent, and throws {@link ConfigException} when the value has the wrong type or is
 * out of range; the message names the full key, quotes the value (unless the key is secret, see
 * {@link ConfigDump}) and states the allowed values. Typed values (numbers, durations, booleans)
 * may have surrounding blanks; strings and list items are taken as written.
 *
 * <p>Immutable and thread-safe as long as the underlying lookup is.
 */
public final class Options {
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  private static final int MAX_SUGGESTION_DISTANCE = 3;

  private final ConfigLookup lookup;
  private final String prefix;

  private Options(ConfigLookup lookup, String prefix) {
    this.lookup = lookup;
    this.prefix = prefix;
  }

  /**
   * Returns the view of the properties under {@code prefix}.
   *
   * @param prefix the full prefix including its final separator, such as {@code
   *     karuta.storage.config.}; {@code ""} for all properties
   */
  public static Options of(ConfigLookup lookup, String prefix) {
    return new Options(lookup, prefix);
  }

  /**
   * Returns a view of a fixed map with the prefix {@code ""}, for unit tests of hooks and stores.
   */
  public static Options of(Map<String, String> values) {
    return new Options(ConfigLookup.of(values), "");
  }

  /** Returns the prefix of this view, such as {@code karuta.storage.config.}. */
  public String prefix() {
    return prefix;
  }

  /**
   * Returns a Go-syntax duration ({@link GoDuration}) between {@code min} and {@code max}
   * inclusive, or {@code defaultValue} when absent.
   */
  public Duration duration(String key, Duration defaultValue, Duration min, Duration max) {
    String raw = raw(key);
    if (raw == null) {
      return defaultValue;
    }
    String allowed = "allowed: " + GoDuration.format(min) + " to " + GoDuration.format(max);
    Duration value;
    try {
      value = GoDuration.parse(raw.trim());
    } catch (IllegalArgumentException e) {
      String problem =
          ConfigDump.isSecret(full(key))
              ? ConfigDump.REDACTED + " is not a duration"
              : e.getMessage();
      throw new ConfigException(full(key) + ": " + problem + " (" + allowed + ")");
    }
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw invalid(key, raw, "is out of range", allowed);
    }
    return value;
  }

  /**
   * Returns a whole number between {@code min} and {@code max} inclusive, or {@code defaultValue}
   * when absent.
   */
  public int integer(String key, int defaultValue, int min, int max) {
    String raw = raw(key);
    if (raw == null) {
      return defaultValue;
    }
    String allowed = "allowed: " + min + " to " + max;
    String text = raw.trim();
    if (!isWholeNumber(text)) {
      throw invalid(key, raw, "is not a whole number", allowed);
    }
    BigDecimal value = new BigDecimal(text);
    if (value.compareTo(BigDecimal.valueOf(min)) < 0
        || value.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw invalid(key, raw, "is out of range", allowed);
    }
    return value.intValueExact();
  }

  /**
   * Returns a decimal number such as {@code 0.25} or {@code 1e-3} between {@code min} and {@code
   * max} inclusive, or {@code defaultValue} when absent.
   */
  public double decimal(String key, double defaultValue, double min, double max) {
    String raw = raw(key);
    if (raw == null) {
      return defaultValue;
    }
    String allowed = "allowed: " + plain(min) + " to " + plain(max);
    String text = raw.trim();
    if (!DECIMAL.matcher(text).matches()) {
      throw invalid(key, raw, "is not a number", allowed);
    }
    double value = Double.parseDouble(text);
    if (!(value >= min && value <= max)) {
      throw invalid(key, raw, "is out of range", allowed);
    }
    return value;
  }

  /**
   * Returns {@code true} or {@code false} (in any letter case), or {@code defaultValue} when
   * absent. Other spellings ({@code yes}, {@code on}, {@code 1}) are rejected.
   */
  public boolean bool(String key, boolean defaultValue) {
    String raw = raw(key);
    if (raw == null) {
      return defaultValue;
    }
    String text = raw.trim();
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    throw invalid(key, raw, "is not a boolean", "allowed: true, false");
  }

  /**
   * Returns the text as written, {@code ""} when explicitly set to the empty string, or {@code
   * defaultValue} when absent.
   */
  public String string(String key, String defaultValue) {
    String raw = raw(key);
    return raw == null ? defaultValue : raw;
  }

  /** Returns the text as written, or empty when the key is absent or set to the empty string. */
  public Optional<String> optionalString(String key) {
    String raw = raw(key);
    return raw == null || raw.isEmpty() ? Optional.empty() : Optional.of(raw);
  }

  /**
   * Returns one of the {@code allowed} values (compared exactly, after trimming blanks), or {@code
   * defaultValue} when absent.
   */
  public String oneOf(String key, String defaultValue, Set<String> allowed) {
    String raw = raw(key);
    if (raw == null) {
      return defaultValue;
    }
    String text = raw.trim();
    if (allowed.contains(text)) {
      return text;
    }
    throw invalid(key, raw, "is not supported", "allowed: " + sortedList(allowed));
  }

  /**
   * Returns a list in MicroProfile Config's list syntax, or {@code defaultValue} when absent. Items
   * are separated by commas; a backslash takes the next character literally ({@code \,} is a comma
   * inside an item); empty items are dropped, so {@code ""} gives an empty list. This is how {@link
   * YamlConfigSource} writes YAML lists.
   */
  public List<String> stringList(String key, List<String> defaultValue) {
    String raw = raw(key);
    return raw == null ? defaultValue : splitList(raw);
  }

  /** Returns whether the key is present, possibly with the empty value. */
  public boolean isSet(String key) {
    return raw(key) != null;
  }

  /**
   * Returns the relative keys present under the prefix, sorted, as listed by the lookup's {@link
   * ConfigLookup#names()}. A key set only through an environment variable is readable with the
   * getters but is not listed here.
   */
  public Set<String> keys() {
    Set<String> keys = new TreeSet<>();
    for (String name : lookup.names()) {
      if (name.startsWith(prefix) && name.length() > prefix.length()) {
        keys.add(name.substring(prefix.length()));
      }
    }
    return Collections.unmodifiableSet(keys);
  }

  /**
   * Rejects keys that are not in {@code knownKeys}.
   *
   * @param knownKeys the relative keys the caller reads
   * @throws ConfigException naming the first unknown full key (in sorted order), suggesting the
   *     closest known key, and listing the known keys
   */
  public void rejectUnknown(Set<String> knownKeys) {
    for (String key : keys()) {
      if (!knownKeys.contains(key)) {
        throw unknownKey(full(key), prefix, knownKeys, knownKeys);
      }
    }
  }

  /**
   * Returns the view of the keys under {@code prefix() + relativePrefix}, such as {@code http.}.
   */
  public Options section(String relativePrefix) {
    return new Options(lookup, prefix + relativePrefix);
  }

  @Override
  public String toString() {
    // Values may be secrets: keys only.
    return "Options[prefix=" + prefix + ", keys=" + keys() + "]";
  }

  /**
   * Returns the error for an unknown key.
   *
   * @param fullKey the unknown key
   * @param scope the prefix the listed keys are relative to
   * @param listed the relative keys to list as known
   * @param candidates the relative keys a suggestion may be taken from
   */
  static ConfigException unknownKey(
      String fullKey, String scope, Collection<String> listed, Collection<String> candidates) {
    StringBuilder message = new StringBuilder(fullKey).append(": unknown key");
    String relative = fullKey.substring(scope.length());
    String best = null;
    int bestDistance = MAX_SUGGESTION_DISTANCE + 1;
    for (String candidate : candidates) {
      if (candidate.equals(relative)) {
        continue;
      }
      int distance = distance(relative, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best != null) {
      message.append("; did you mean ").append(scope).append(best).append('?');
    }
    message.append(" (known keys under ").append(scope.isEmpty() ? "the root" : scope);
    message.append(": ").append(listed.isEmpty() ? "none" : sortedList(listed)).append(')');
    return new ConfigException(message.toString());
  }

  /** Writes items in MicroProfile Config's list syntax; {@link #splitList} reads them back. */
  static String joinList(List<String> items) {
    StringBuilder out = new StringBuilder();
    for (String item : items) {
      if (out.length() > 0) {
        out.append(',');
      }
      for (int i = 0; i < item.length(); i++) {
        char c = item.charAt(i);
        if (c == ',' || c == '\\') {
          out.append('\\');
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Reads MicroProfile Config's list syntax as described at {@link #stringList}. */
  static List<String> splitList(String raw) {
    List<String> items = new ArrayList<>();
    StringBuilder item = new StringBuilder();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length()) {
        item.append(raw.charAt(++i));
      } else if (c == ',') {
        addItem(items, item);
      } else {
        item.append(c);
      }
    }
    addItem(items, item);
    return List.copyOf(items);
  }

  private static void addItem(List<String> items, StringBuilder item) {
    if (item.length() > 0) {
      items.add(item.toString());
      item.setLength(0);
    }
  }

  private String raw(String key) {
    return lookup.raw(full(key));
  }

  private String full(String key) {
    return prefix + key;
  }

  private ConfigException invalid(String key, String raw, String problem, String allowed) {
    String fullKey = full(key);
    String shown =
        ConfigDump.isSecret(fullKey)
            ? ConfigDump.REDACTED
            : "'" + ConfigDump.redact(fullKey, raw) + "'";
    return new ConfigException(fullKey + ": " + shown + " " + problem + " (" + allowed + ")");
  }

  private static boolean isWholeNumber(String text) {
    int start = text.startsWith("+") || text.startsWith("-") ? 1 : 0;
    if (start == text.length()) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static String sortedList(Collection<String> values) {
    return String.join(", ", new TreeSet<>(values));
  }

  /** Levenshtein distance, for "did you mean" suggestions on a handful of short keys. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
