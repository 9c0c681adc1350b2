package io.karuta.bittorrent.bencode;

import static io.karuta.bittorrent.bencode.Trees.assertTreeEquals;
import static io.karuta.bittorrent.bencode.Trees.dict;
import static io.karuta.bittorrent.bencode.Trees.latin1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The strict decoder: chihaya's decoder vectors (frontend/http/bencode/decoder_test.go) and every
 * non-canonical form.
 */
class BencodeReaderTest {

  static Stream<Arguments> chihayaDecodeVectors() {
    return Stream.of(
        Arguments.of("i42e", 42L),
        Arguments.of("i-42e", -42L),
        Arguments.of("i0e", 0L),
        Arguments.of("7:example", latin1("example")),
        Arguments.of("0:", new byte[0]),
        Arguments.of("l3:one3:twoe", List.of(latin1("one"), latin1("two"))),
        Arguments.of("le", List.of()),
        Arguments.of("d3:one2:aa3:two2:bbe", dict("one", latin1("aa"), "two", latin1("bb"))),
        Arguments.of("de", dict()),
        Arguments.of("ld1:a1:bed1:c1:dee", List.of(dict("a", latin1("b")), dict("c", latin1("d")))),
        Arguments.of("i9223372036854775807e", Long.MAX_VALUE),
        Arguments.of("i-9223372036854775808e", Long.MIN_VALUE));
  }

  @ParameterizedTest
  @MethodSource("chihayaDecodeVectors")
  void decodesChihayaVectors(String input, Object expected) {
    assertTreeEquals(expected, BencodeReader.decode(latin1(input)));
  }

  @Test
  void decodesKeysAsLatin1InWireOrderComparingBytesUnsigned() {
    Object decoded =
        BencodeReader.decode(latin1("d0:i0e1:ai1e2:abi2e1:\u007fi3e1:\u0080i4e1:\u00ffi5ee"));

    assertTreeEquals(
        dict("", 0L, "a", 1L, "ab", 2L, "\u007f", 3L, "\u0080", 4L, "\u00ff", 5L), decoded);
  }

  @Test
  void decodesARangeOfALargerArray() {
    byte[] input = latin1("xxi7eyy");
    assertEquals(7L, BencodeReader.decode(input, 2, 3));
    assertThrows(IndexOutOfBoundsException.class, () -> BencodeReader.decode(input, 5, 3));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''                        | bencode: short read",
        "i42                       | bencode: short read",
        "i                         | bencode: short read",
        "ie                        | bencode: empty integer field",
        "i-e                       | bencode: empty integer field",
        "i03e                      | bencode: leading zero in integer",
        "i00e                      | bencode: leading zero in integer",
        "i-03e                     | bencode: leading zero in integer",
        "i-0e                      | bencode: negative zero",
        "i4x2e                     | bencode: invalid integer",
        "i+1e                      | bencode: invalid integer",
        "i 1e                      | bencode: invalid integer",
        "i--1e                     | bencode: invalid integer",
        "i1.5e                     | bencode: invalid integer",
        "i9223372036854775808e     | bencode: integer overflow",
        "i-9223372036854775809e    | bencode: integer overflow",
        "i99999999999999999999e    | bencode: integer overflow",
        "03:abc                    | bencode: leading zero in string length",
        "00:                       | bencode: leading zero in string length",
        "4:abc                     | bencode: short read",
        "3                         | bencode: short read",
        "3abc                      | bencode: invalid string length",
        "2147483648:abc            | bencode: short read",
        "99999999999999999999:abc  | bencode: short read",
        "18446744073709551619:abc  | bencode: short read",
        "18446744073709551616:     | bencode: short read",
        "l                         | bencode: short read",
        "li1e                      | bencode: short read",
        "d                         | bencode: short read",
        "d1:a                      | bencode: short read",
        "d1:ai1e                   | bencode: short read",
        "d1:bi1e1:ai2ee            | bencode: unsorted dictionary keys",
        "d2:abi1e1:ai2ee           | bencode: unsorted dictionary keys",
        "d1:\u00ffi1e1:ai2ee       | bencode: unsorted dictionary keys",
        "d1:ai1e1:ai2ee            | bencode: duplicate dictionary key",
        "d0:i1e0:i2ee              | bencode: duplicate dictionary key",
        "di1ei2ee                  | bencode: non-string map key",
        "dlei2ee                   | bencode: non-string map key",
        "d1:ae                     | bencode: dictionary key without value",
        "i1ei2e                    | bencode: trailing data",
        "lee                       | bencode: trailing data",
        "0:x                       | bencode: trailing data",
        "dede                      | bencode: trailing data",
        "x                         | bencode: invalid type byte",
        "e                         | bencode: invalid type byte",
        "l-1e                      | bencode: invalid type byte",
        "d1:a-1e                   | bencode: invalid type byte"
      })
  void rejectsNonCanonicalInput(String input, String message) {
    byte[] bytes = latin1(input);
    BencodeException e = assertThrows(BencodeException.class, () -> BencodeReader.decode(bytes));
    assertEquals(message, e.getMessage());
  }

  @Test
  void reportsWhereDecodingStopped() {
    assertEquals(7, assertThrows(BencodeException.class, () -> decode("d1:bi1e1:ai2ee")).offset());
    assertEquals(4, assertThrows(BencodeException.class, () -> decode("i42e!")).offset());
  }

  @Test
  void acceptsNestingUpToTheLimitAndRejectsOneMore() {
    int limit = BencodeReader.MAX_DEPTH;
    assertTreeEquals(nestedLists(limit), decode("l".repeat(limit) + "e".repeat(limit)));
    assertTreeEquals(nestedLists(1), decode("le"));

    BencodeException e =
        assertThrows(
            BencodeException.class, () -> decode("l".repeat(limit + 1) + "e".repeat(limit + 1)));
    assertEquals("bencode: nesting too deep", e.getMessage());
    e = assertThrows(BencodeException.class, () -> decode("d1:a".repeat(limit + 1)));
    assertEquals("bencode: nesting too deep", e.getMessage());
  }

  @Test
  void rejectsHugeNestingWithoutOverflowingTheStack() {
    BencodeException e = assertThrows(BencodeException.class, () -> decode("l".repeat(1_000_000)));
    assertEquals("bencode: nesting too deep", e.getMessage());
  }

  private static Object nestedLists(int depth) {
    Object tree = List.of();
    for (int i = 1; i < depth; i++) {
      tree = List.of(tree);
    }
    return tree;
  }

  private static Object decode(String input) {
    return BencodeReader.decode(latin1(input));
  }
}
