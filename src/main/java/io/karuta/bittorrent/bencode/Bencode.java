package io.karuta.bittorrent.bencode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Encodes a tree of plain Java values to canonical bencode (BEP 3), for replies that are easier to
 * build as a tree than to stream through a {@link BencodeWriter}.
 *
 * <table>
 *   <caption>Accepted types</caption>
 *   <tr><th>Java</th><th>bencode</th></tr>
 *   <tr><td>{@code Long}, {@code Integer}, {@code Short}, {@code Byte}</td><td>integer</td></tr>
 *   <tr><td>{@code Duration}</td><td>integer: whole seconds, truncated toward zero</td></tr>
 *   <tr><td>{@code byte[]}</td><td>string of those bytes</td></tr>
 *   <tr><td>{@code String}</td><td>string of its UTF-8 bytes</td></tr>
 *   <tr><td>{@code List<?>}</td><td>list, in list order</td></tr>
 *   <tr><td>{@code Map<?, ?>} with {@code String} (UTF-8) or {@code byte[]} keys</td>
 *       <td>dictionary, keys sorted by raw bytes compared unsigned, whatever the map's order</td></tr>
 * </table>
 *
 * <p>{@link BencodeReader} gives dictionary keys back as ISO-8859-1 strings, so a {@code String}
 * key with characters above U+007F does not survive a round trip unchanged; use {@code byte[]} keys
 * for binary data such as info-hashes.
 */
public final class Bencode {
  private Bencode() {}

  /**
   * Returns the canonical encoding of {@code value}.
   *
   * @throws IllegalArgumentException if the tree holds {@code null} or a type not listed above, or
   *     a dictionary has two keys with the same bytes (such as {@code "a"} and {@code {'a'}})
   */
  public static byte[] encode(Object value) {
    BencodeWriter writer = new BencodeWriter();
    write(writer, value);
    return writer.toByteArray();
  }

  /**
   * Writes {@code value} into {@code writer} where the writer expects a value, with the rules of
   * {@link #encode(Object)}. After an exception the writer's content is unspecified: reset it.
   *
   * @throws IllegalArgumentException as {@link #encode(Object)} does
   * @throws IllegalStateException if the writer does not expect a value
   */
  public static void write(BencodeWriter writer, Object value) {
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      writer.value(((Number) value).longValue());
    } else if (value instanceof byte[] bytes) {
      writer.value(bytes);
    } else if (value instanceof String text) {
      writer.value(text);
    } else if (value instanceof Duration duration) {
      writer.value(truncatedSeconds(duration));
    } else if (value instanceof List<?> list) {
      writer.beginList();
      for (Object element : list) {
        write(writer, element);
      }
      writer.endList();
    } else if (value instanceof Map<?, ?> map) {
      writeDict(writer, map);
    } else {
      throw new IllegalArgumentException("bencode: unsupported type " + typeName(value));
    }
  }

  private record Entry(byte[] key, Object value) {}

  private static void writeDict(BencodeWriter writer, Map<?, ?> map) {
    List<Entry> entries = new ArrayList<>(map.size());
    for (Map.Entry<?, ?> e : map.entrySet()) {
      entries.add(new Entry(keyBytes(e.getKey()), e.getValue()));
    }
    entries.sort((a, b) -> Arrays.compareUnsigned(a.key, b.key));
    for (int i = 1; i < entries.size(); i++) {
      if (Arrays.equals(entries.get(i - 1).key, entries.get(i).key)) {
        throw new IllegalArgumentException("bencode: duplicate dictionary key");
      }
    }
    writer.beginDict();
    for (Entry e : entries) {
      writer.key(e.key);
      write(writer, e.value);
    }
    writer.endDict();
  }

  private static byte[] keyBytes(Object key) {
    if (key instanceof byte[] bytes) {
      return bytes;
    }
    if (key instanceof String text) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    throw new IllegalArgumentException("bencode: unsupported dictionary key type " + typeName(key));
  }

  // Duration.getSeconds() floors (-1.5 s gives -2); Go's integer division, which chihaya uses,
  // truncates toward zero.
  private static long truncatedSeconds(Duration duration) {
    long seconds = duration.getSeconds();
    return seconds < 0 && duration.getNano() > 0 ? seconds + 1 : seconds;
  }

  private static String typeName(Object value) {
    return value == null ? "null" : value.getClass().getName();
  }
}
