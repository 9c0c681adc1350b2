package io.karuta.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a hook list ({@code karuta.prehooks} or {@code karuta.posthooks}) from its indexed keys:
 * {@code karuta.prehooks[0].name}, {@code karuta.prehooks[0].options.whitelist}, and so on.
 */
final class HookReader {
  /** More entries than this is surely a mistake, and would make the probing below long. */
  static final int MAX_ENTRIES = 100;

  private HookReader() {}

  /**
   * Returns the key of the name of entry {@code index}, such as {@code karuta.prehooks[0].name}.
   */
  static String nameKey(String list, int index) {
    return entry(list, index) + "name";
  }

  /**
   * Returns the number of entries: one past the highest index among the listed property names, then
   * further while {@code list[n].name} resolves (an entry given only by environment variables, such
   * as {@code KARUTA_PREHOOKS_0__NAME}, is not listed but resolves).
   */
  static int count(ConfigLookup lookup, String list) {
    int count = 0;
    for (String name : lookup.names()) {
      if (name.startsWith(list + "[")) {
        count = Math.max(count, index(name, list) + 1);
      }
    }
    while (count < MAX_ENTRIES && lookup.raw(nameKey(list, count)) != null) {
      count++;
    }
    return count;
  }

  /**
   * Returns the entries in order.
   *
   * @throws ConfigException when an entry has no name, or a blank one
   */
  static List<HookConfig> read(ConfigLookup lookup, String list) {
    int count = count(lookup, list);
    List<HookConfig> hooks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String key = nameKey(list, i);
      String name = lookup.raw(key);
      if (name == null || name.isBlank()) {
        throw new ConfigException(
            key
                + ": missing; every entry of "
                + list
                + " needs a name, such as 'client approval' (entries are numbered from 0"
                + " without gaps)");
      }
      hooks.add(new HookConfig(name.trim(), Options.of(lookup, entry(list, i) + "options.")));
    }
    return hooks;
  }

  /**
   * Checks that a property name under {@code list[} is {@code list[n].name} or {@code
   * list[n].options.<key>}, with a plain index below {@link #MAX_ENTRIES}.
   *
   * @throws ConfigException naming the key otherwise
   */
  static void checkKey(String name, String list) {
    int index = index(name, list);
    if (index < 0) {
      throw new ConfigException(
          name
              + ": not a hook entry key (allowed: "
              + list
              + "[n].name and "
              + list
              + "[n].options.<key>, n from 0 to "
              + (MAX_ENTRIES - 1)
              + ")");
    }
    String entry = entry(list, index);
    String rest = name.substring(entry.length());
    if (rest.equals("name") || (rest.startsWith("options.") && rest.length() > 8)) {
      return;
    }
    if (rest.startsWith("config.")) {
      throw new ConfigException(
          name
              + ": unknown key; hook settings go under options (chihaya's documentation shows"
              + " config:, but chihaya reads options:)");
    }
    throw Options.unknownKey(name, entry, List.of("name", "options.*"), List.of("name", "options"));
  }

  private static String entry(String list, int index) {
    return list + "[" + index + "].";
  }

  /**
   * Returns the index of a name that starts with {@code list[}, or -1 unless it has the form {@code
   * list[n].} with a plain decimal n below {@link #MAX_ENTRIES}.
   */
  private static int index(String name, String list) {
    int start = list.length() + 1;
    int end = name.indexOf(']', start);
    if (end < 0 || !name.startsWith(".", end + 1)) {
      return -1;
    }
    String digits = name.substring(start, end);
    if (digits.isEmpty() || (digits.length() > 1 && digits.charAt(0) == '0')) {
      return -1;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9' || i >= 3) {
        return -1;
      }
    }
    int index = Integer.parseInt(digits);
    return index < MAX_ENTRIES ? index : -1;
  }
}
