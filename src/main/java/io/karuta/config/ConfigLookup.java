package io.karuta.config;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The raw text of configuration properties, as resolved by MicroProfile Config (or by a map in
 * tests). Everything typed and validated is built on top of it by {@link Options}.
 *
 * <p>Implementations are read-only and safe to share between threads once built.
 */
public interface ConfigLookup {

  /**
   * Returns the raw text of a property.
   *
   * @param key a full property name such as {@code karuta.http.max_numwant}
   * @return the text as written, {@code ""} when set to the empty string, or {@code null} when the
   *     property is absent
   */
  String raw(String key);

  /**
   * Returns the names of the properties this lookup can list. Environment variables are looked up
   * by {@link #raw} under their mapped names but are not listed here under a property name (see
   * {@link #of(Config)}).
   */
  Iterable<String> names();

  /**
   * Returns a lookup over a fixed map, for tests: absent keys give {@code null}.
   *
   * @param values property names to raw values; copied
   */
  static ConfigLookup of(Map<String, String> values) {
    Map<String, String> copy = Map.copyOf(values);
    return new ConfigLookup() {
      @Override
      public String raw(String key) {
        return copy.get(key);
      }

      @Override
      public Iterable<String> names() {
        return copy.keySet();
      }
    };
  }

  /**
   * Returns a lookup over MicroProfile Config.
   *
   * <p>{@link #raw} asks the config sources themselves, highest ordinal first, and takes the first
   * value any of them holds, the empty string included. MicroProfile Config treats an empty value
   * as a missing one, and implementations differ in what that means for {@code getConfigValue}:
   * Payara then falls through to the next source, so {@code udp.addr: ""} in the file lost to the
   * built-in default. Asking the sources keeps an explicit empty value from a higher source (the
   * file, an environment variable, a system property) over a lower one on every server, and does
   * not expand {@code ${...}} expressions, so secrets are taken literally.
   *
   * <p>{@link #names} is the union of the names each config source lists, minus names that a source
   * derives from one of its own environment-variable names. SmallRye Config, for instance, lists
   * {@code KARUTA_PORT} also as {@code karuta.port}; Kubernetes sets such variables for a Service
   * named {@code karuta}, and they must not be taken for misspelt settings.
   */
  static ConfigLookup of(Config config) {
    return new ConfigLookup() {
      @Override
      public String raw(String key) {
        // Sorted by descending ordinal, as the MicroProfile Config API guarantees.
        for (ConfigSource source : config.getConfigSources()) {
          String value = source.getValue(key);
          if (value != null) {
            return value;
          }
        }
        return null;
      }

      @Override
      public Iterable<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (ConfigSource source : config.getConfigSources()) {
          Set<String> own = source.getPropertyNames();
          for (String name : own) {
            String env = envName(name);
            if (env.equals(name) || !own.contains(env)) {
              names.add(name);
            }
          }
        }
        return names;
      }
    };
  }

  /**
   * Returns the environment variable that MicroProfile Config maps a property to: every character
   * other than an ASCII letter or digit becomes {@code _}, and letters are upper-cased. For example
   * {@code karuta.prehooks[0].options.whitelist} becomes {@code
   * KARUTA_PREHOOKS_0__OPTIONS_WHITELIST}.
   */
  static String envName(String key) {
    StringBuilder out = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean alphanumeric =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      out.append(alphanumeric ? c : '_');
    }
    return out.toString().toUpperCase(Locale.ROOT);
  }
}
