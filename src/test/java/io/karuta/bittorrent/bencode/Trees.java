package io.karuta.bittorrent.bencode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers shared by the bencode tests: building wire bytes and comparing decoded trees. */
final class Trees {
  private Trees() {}

  /** Each char of text (all below U+0100) as one byte, so test vectors can be written as text. */
  static byte[] latin1(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Concatenates parts: a String is taken as {@link #latin1}, a byte[] as it is. */
  static byte[] wire(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object part : parts) {
      out.writeBytes(part instanceof byte[] bytes ? bytes : latin1((String) part));
    }
    return out.toByteArray();
  }

  /** A LinkedHashMap of alternating keys and values, in the order given. */
  static Map<Object, Object> dict(Object... keysAndValues) {
    Map<Object, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** Shows bytes as Latin-1 text, which keeps assertion failures readable. */
  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  /**
   * Turns a decoded tree back into one {@link Bencode#encode} accepts with the same bytes: the
   * ISO-8859-1 keys the reader gives become byte[] keys again.
   */
  static Object encodable(Object decoded) {
    if (decoded instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(element -> out.add(encodable(element)));
      return out;
    }
    if (decoded instanceof Map<?, ?> map) {
      Map<byte[], Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(latin1((String) k), encodable(v)));
      return out;
    }
    return decoded;
  }

  /**
   * Asserts that a decoded tree equals the expected one: byte[] by content, integers as Long, maps
   * in the same key order with String keys.
   */
  static void assertTreeEquals(Object expected, Object actual) {
    if (expected instanceof byte[] bytes) {
      assertArrayEquals(bytes, assertInstanceOf(byte[].class, actual));
    } else if (expected instanceof List<?> list) {
      List<?> got = assertInstanceOf(List.class, actual);
      assertEquals(list.size(), got.size(), "list size");
      for (int i = 0; i < list.size(); i++) {
        assertTreeEquals(list.get(i), got.get(i));
      }
    } else if (expected instanceof Map<?, ?> map) {
      Map<?, ?> got = assertInstanceOf(Map.class, actual);
      assertEquals(List.copyOf(map.keySet()), List.copyOf(got.keySet()), "dictionary keys");
      Iterator<?> values = got.values().iterator();
      map.values().forEach(value -> assertTreeEquals(value, values.next()));
    } else if (expected instanceof Long) {
      assertEquals(expected, actual);
    } else {
      fail("not a decoded tree: " + expected);
    }
  }
}
