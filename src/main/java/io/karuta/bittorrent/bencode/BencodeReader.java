package io.karuta.bittorrent.bencode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A strict decoder of one bencoded value (BEP 3) that accepts the canonical form only.
 *
 * <p>Integers decode to {@code Long}, strings to {@code byte[]}, lists to {@code List<Object>}, and
 * dictionaries to {@code Map<String, Object>} in wire order, each key decoded as ISO-8859-1 (one
 * char per byte, so no information is lost).
 *
 * <p>Any input that is not exactly one canonical value is rejected with a {@link BencodeException},
 * never another exception: unsorted or duplicate dictionary keys, non-string keys, leading zeros in
 * integers or string lengths, {@code i-0e}, empty or non-decimal integers, integers beyond {@code
 * long}, strings or containers cut short, bytes after the value, and more than {@link #MAX_DEPTH}
 * nested containers. A declared string length is checked against the bytes left before anything is
 * allocated. Instances are internal; the methods are thread-safe.
 */
public final class BencodeReader {
  /** The most lists and dictionaries that may be nested inside one another. */
  public static final int MAX_DEPTH = 64;

  private final byte[] in;
  private final int end;
  private int pos;
  private int depth;

  private BencodeReader(byte[] in, int offset, int end) {
    this.in = in;
    this.pos = offset;
    this.end = end;
  }

  /**
   * Decodes {@code input}, which must hold exactly one canonical value.
   *
   * @throws BencodeException if the input is not canonical bencode
   * @throws NullPointerException if {@code input} is null
   */
  public static Object decode(byte[] input) {
    return decode(input, 0, input.length);
  }

  /**
   * Decodes {@code input[offset .. offset + length)}, which must hold exactly one canonical value.
   *
   * @throws BencodeException if the range is not canonical bencode
   * @throws IndexOutOfBoundsException if the range is not inside {@code input}
   */
  public static Object decode(byte[] input, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, input.length);
    BencodeReader reader = new BencodeReader(input, offset, offset + length);
    Object value = reader.readValue();
    if (reader.pos != reader.end) {
      throw reader.fail("bencode: trailing data");
    }
    return value;
  }

  private Object readValue() {
    int c = peek();
    if (c >= '0' && c <= '9') {
      return readString();
    }
    switch (c) {
      case 'i':
        pos++;
        return readInteger();
      case 'l':
        return readList();
      case 'd':
        return readDict();
      default:
        throw fail("bencode: invalid type byte");
    }
  }

  private Long readInteger() {
    boolean negative = peek() == '-';
    if (negative) {
      pos++;
    }
    int first = pos;
    long value = 0; // accumulated as a negative number, so Long.MIN_VALUE fits
    for (int c = next(); c != 'e'; c = next()) {
      if (c < '0' || c > '9') {
        throw fail("bencode: invalid integer");
      }
      int digit = c - '0';
      if (value < Long.MIN_VALUE / 10 || value * 10 < Long.MIN_VALUE + digit) {
        throw fail("bencode: integer overflow");
      }
      value = value * 10 - digit;
    }
    int digits = pos - 1 - first;
    if (digits == 0) {
      throw fail("bencode: empty integer field");
    }
    if (digits > 1 && in[first] == '0') {
      throw fail("bencode: leading zero in integer");
    }
    if (negative) {
      if (value == 0) {
        throw fail("bencode: negative zero");
      }
      return value;
    }
    if (value == Long.MIN_VALUE) {
      throw fail("bencode: integer overflow");
    }
    return -value;
  }

  private byte[] readString() {
    int first = pos;
    long length = 0;
    for (int c = next(); c != ':'; c = next()) {
      if (c < '0' || c > '9') {
        throw fail("bencode: invalid string length");
      }
      length = length * 10 + (c - '0');
      // Stops a huge length early, before it can overflow or be allocated.
      if (length > end - pos) {
        throw fail("bencode: short read");
      }
    }
    if (pos - 1 - first > 1 && in[first] == '0') {
      throw fail("bencode: leading zero in string length");
    }
    if (length > end - pos) {
      throw fail("bencode: short read");
    }
    int start = pos;
    pos += (int) length;
    return Arrays.copyOfRange(in, start, pos);
  }

  private List<Object> readList() {
    enter();
    List<Object> list = new ArrayList<>();
    while (peek() != 'e') {
      list.add(readValue());
    }
    pos++;
    depth--;
    return list;
  }

  private Map<String, Object> readDict() {
    enter();
    Map<String, Object> map = new LinkedHashMap<>();
    byte[] previous = null;
    for (int c = peek(); c != 'e'; c = peek()) {
      if (c < '0' || c > '9') {
        throw fail("bencode: non-string map key");
      }
      int keyStart = pos;
      byte[] key = readString();
      if (previous != null) {
        int order = Arrays.compareUnsigned(previous, key);
        if (order >= 0) {
          pos = keyStart;
          throw fail(
              order == 0
                  ? "bencode: duplicate dictionary key"
                  : "bencode: unsorted dictionary keys");
        }
      }
      if (peek() == 'e') {
        throw fail("bencode: dictionary key without value");
      }
      map.put(new String(key, StandardCharsets.ISO_8859_1), readValue());
      previous = key;
    }
    pos++;
    depth--;
    return map;
  }

  /** Steps over the 'l' or 'd' that opens a container, within the depth limit. */
  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw fail("bencode: nesting too deep");
    }
    pos++;
  }

  private int peek() {
    if (pos >= end) {
      throw fail("bencode: short read");
    }
    return in[pos] & 0xFF;
  }

  private int next() {
    int c = peek();
    pos++;
    return c;
  }

  private BencodeException fail(String message) {
    return new BencodeException(message, pos);
  }
}
