package io.karuta.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a loaded YAML document into flat MicroProfile Config properties.
 *
 * <ul>
 *   <li>The root must be a map with the single key {@code karuta}, or {@code chihaya} (a chihaya
 *       file), whose content goes under {@code karuta.}.
 *   <li>Nested maps give dotted keys: {@code karuta.http.max_numwant}.
 *   <li>A list of plain values gives one property in MicroProfile Config's list syntax: {@code
 *       /announce,/announce.php}, with {@code \,} for a comma and {@code \\} for a backslash inside
 *       an item.
 *   <li>A list of maps gives indexed keys: {@code karuta.prehooks[0].name}.
 *   <li>A plain value gives its text as written; null, an empty map and an empty list give no
 *       property; {@code ""} gives the empty value.
 * </ul>
 */
final class YamlFlattener {
  private static final String ROOT_RULE =
      "the root must be a map with the single key karuta (or chihaya, for a chihaya file)";

  private YamlFlattener() {}

  /**
   * Flattens a document.
   *
   * @param document what SnakeYAML loaded, or {@code null} for an empty file
   * @return the properties in file order
   * @throws IllegalArgumentException naming the offending key when the document has another shape
   */
  static Map<String, String> flatten(Object document) {
    if (!(document instanceof Map<?, ?> root) || root.size() != 1) {
      String found =
          document instanceof Map<?, ?> map ? "found keys " + map.keySet() : "found none";
      throw new IllegalArgumentException(ROOT_RULE + "; " + found);
    }
    Object rootKey = root.keySet().iterator().next();
    if (!"karuta".equals(rootKey) && !"chihaya".equals(rootKey)) {
      throw new IllegalArgumentException(ROOT_RULE + "; found " + rootKey);
    }
    Object settings = root.get(rootKey);
    Map<String, String> properties = new LinkedHashMap<>();
    if (settings == null) {
      return properties;
    }
    if (!(settings instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(rootKey + ": must hold a map of settings");
    }
    if (map.containsKey("config")) {
      throw new IllegalArgumentException(
          KnownKeys.CONFIG + ": cannot be set inside the file; it names the file");
    }
    addMap("karuta", map, properties);
    return properties;
  }

  private static void add(String key, Object value, Map<String, String> properties) {
    if (value == null) {
      return;
    }
    if (value instanceof Map<?, ?> map) {
      addMap(key, map, properties);
    } else if (value instanceof List<?> list) {
      addList(key, list, properties);
    } else if (isPlain(value)) {
      properties.put(key, value.toString());
    } else {
      throw new IllegalArgumentException(
          key + ": unsupported YAML value; use text, numbers, true/false, lists and maps");
    }
  }

  private static void addMap(String key, Map<?, ?> map, Map<String, String> properties) {
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String name)
          || name.isEmpty()
          || name.contains(".")
          || name.contains("[")
          || name.contains("]")) {
        throw new IllegalArgumentException(
            key + ": the key '" + entry.getKey() + "' is not a plain name (no '.', '[' or ']')");
      }
      add(key + "." + name, entry.getValue(), properties);
    }
  }

  private static void addList(String key, List<?> list, Map<String, String> properties) {
    if (list.isEmpty()) {
      return;
    }
    if (list.stream().allMatch(item -> item instanceof Map)) {
      for (int i = 0; i < list.size(); i++) {
        addMap(key + "[" + i + "]", (Map<?, ?>) list.get(i), properties);
      }
      return;
    }
    List<String> items = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      if (!isPlain(item)) {
        throw new IllegalArgumentException(
            key
                + "["
                + i
                + "]: a list must hold only plain values or only maps"
                + (item == null ? " (this item is empty)" : ""));
      }
      items.add(item.toString());
    }
    properties.put(key, Options.joinList(items));
  }

  private static boolean isPlain(Object value) {
    return value instanceof String || value instanceof Boolean || value instanceof Number;
  }
}
