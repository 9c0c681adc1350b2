package io.karuta.middleware.approval;

import io.karuta.config.ConfigException;
import io.karuta.config.Options;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code whitelist} or {@code blacklist} option of an approval hook, read as chihaya reads it:
 * setting both is an error, and an empty list counts as not set.
 *
 * @param mode the kind of the list given, or {@code null} when neither was given
 * @param entries the parsed entries, immutable; empty when neither was given
 * @param <T> the type of an entry
 */
record ListOption<T>(Mode mode, Set<T> entries) {
  /** Chihaya's error for a hook given both lists. */
  static final String BOTH = "using both whitelist and blacklist is invalid";

  /**
   * Reads the lists from {@code options}.
   *
   * @param parse turns one entry into a value, or throws {@link IllegalArgumentException} with
   *     chihaya's message for a bad entry
   * @throws ConfigException naming the options (both lists) or the list's key (a bad entry)
   */
  static <T> ListOption<T> read(Options options, Function<String, T> parse) {
    List<String> whitelist = options.stringList(Mode.WHITELIST.key(), List.of());
    List<String> blacklist = options.stringList(Mode.BLACKLIST.key(), List.of());
    if (!whitelist.isEmpty() && !blacklist.isEmpty()) {
      String prefix = options.prefix();
      throw new ConfigException(
          prefix.isEmpty() ? BOTH : prefix.substring(0, prefix.length() - 1) + ": " + BOTH);
    }
    if (whitelist.isEmpty() && blacklist.isEmpty()) {
      return new ListOption<>(null, Set.of());
    }
    Mode mode = whitelist.isEmpty() ? Mode.BLACKLIST : Mode.WHITELIST;
    Set<T> entries = new HashSet<>();
    for (String text : whitelist.isEmpty() ? blacklist : whitelist) {
      try {
        entries.add(parse.apply(text));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(options.prefix() + mode.key() + ": " + e.getMessage());
      }
    }
    return new ListOption<>(mode, Set.copyOf(entries));
  }
}
