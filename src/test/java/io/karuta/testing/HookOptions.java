package io.karuta.testing;

import io.karuta.config.ConfigLookup;
import io.karuta.config.Options;
import java.util.HashMap;
import java.util.Map;

/** Options of a hook entry as the tracker hands them over, for hook tests without a container. */
public final class HookOptions {
  /** Where the first pre-hook's options live, so error messages show the real full keys. */
  public static final String PREFIX = "karuta.prehooks[0].options.";

  private HookOptions() {}

  /**
   * Returns the options of the first pre-hook, given relative keys and values in turn, such as
   * {@code "whitelist", "AZ2060,TR0960"} (a list is written comma-separated, as YAML lists are
   * flattened).
   */
  public static Options of(String... keysAndValues) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put(PREFIX + keysAndValues[i], keysAndValues[i + 1]);
    }
    return Options.of(ConfigLookup.of(values), PREFIX);
  }

  /**
   * Returns the keys and values of {@code text}, written {@code key=value;key=value}, in turn, for
   * {@link #of}; for option sets in {@code @CsvSource} tables.
   */
  public static String[] pairs(String text) {
    return text.replace('=', ';').split(";");
  }
}
