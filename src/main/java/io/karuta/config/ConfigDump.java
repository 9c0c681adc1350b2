package io.karuta.config;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The start-up log of the resolved configuration, with secrets redacted.
 *
 * <p>A key is secret when its last segment contains {@code private_key}, {@code password}, {@code
 * secret} or {@code token}, or is {@code jwt}: its value is shown as {@code REDACTED}. In any other
 * value, the user information of a URL ({@code redis://user:pw@host}) is replaced by {@code
 * REDACTED}. The same rules apply to the values quoted in {@link ConfigException} messages.
 */
public final class ConfigDump {
  /** What a redacted value or URL user information is shown as. */
  public static final String REDACTED = "REDACTED";

  private ConfigDump() {}

  /**
   * Renders every resolved {@code karuta.*} property, one {@code key = value} line each, sorted by
   * key: the properties the lookup lists, the built-in defaults, and the hook names found by index.
   *
   * @return a multi-line text that starts with a heading line and holds no secret
   */
  public static String render(ConfigLookup lookup) {
    Map<String, String> values = new TreeMap<>();
    for (String name : lookup.names()) {
      if (name.startsWith(KnownKeys.ROOT)) {
        values.put(name, lookup.raw(name));
      }
    }
    for (String name : Defaults.properties().keySet()) {
      values.put(name, lookup.raw(name));
    }
    for (String list : KnownKeys.HOOK_LISTS) {
      int count = HookReader.count(lookup, list);
      for (int i = 0; i < count; i++) {
        String key = HookReader.nameKey(list, i);
        values.put(key, lookup.raw(key));
      }
    }
    StringBuilder out = new StringBuilder("Karuta configuration:");
    values.forEach(
        (key, value) -> {
          if (value != null) {
            out.append("\n  ").append(key).append(" = ").append(shown(key, value));
          }
        });
    return out.toString();
  }

  /** Returns whether the value of {@code key} is a secret by the rules above. */
  public static boolean isSecret(String key) {
    String last = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return last.contains("private_key")
        || last.contains("password")
        || last.contains("secret")
        || last.contains("token")
        || last.equals("jwt");
  }

  /**
   * Returns {@code value} as it may be logged: {@link #REDACTED} for a secret key, otherwise the
   * value with any URL user information replaced by {@link #REDACTED}.
   */
  public static String redact(String key, String value) {
    if (isSecret(key)) {
      return REDACTED;
    }
    int scheme = value.indexOf("://");
    int at = value.lastIndexOf('@');
    if (scheme < 0 || at < scheme) {
      return value;
    }
    // Everything between the scheme and the last '@' goes, even if a password holds '/' or '@'.
    return value.substring(0, scheme + 3) + REDACTED + value.substring(at);
  }

  private static String shown(String key, String value) {
    return value.isEmpty() ? "\"\"" : redact(key, value);
  }
}
