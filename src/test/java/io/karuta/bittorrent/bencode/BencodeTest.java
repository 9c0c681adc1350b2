package io.karuta.bittorrent.bencode;

import static io.karuta.bittorrent.bencode.Trees.assertTreeEquals;
import static io.karuta.bittorrent.bencode.Trees.dict;
import static io.karuta.bittorrent.bencode.Trees.latin1;
import static io.karuta.bittorrent.bencode.Trees.text;
import static io.karuta.bittorrent.bencode.Trees.wire;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tree encoder, with chihaya's encoder vectors (frontend/http/bencode/encoder_test.go) in their
 * sorted form.
 */
class BencodeTest {

  static Stream<Arguments> chihayaEncodeVectors() {
    return Stream.of(
        Arguments.of(42, "i42e"),
        Arguments.of(-42, "i-42e"),
        Arguments.of(43L, "i43e"),
        Arguments.of(44L, "i44e"),
        Arguments.of(45L, "i45e"),
        Arguments.of((short) 44, "i44e"),
        Arguments.of((short) 45, "i45e"),
        Arguments.of((byte) -7, "i-7e"),
        Arguments.of("example", "7:example"),
        Arguments.of(latin1("example"), "7:example"),
        Arguments.of(Duration.ofMinutes(30), "i1800e"),
        Arguments.of(List.of("one", "two"), "l3:one3:twoe"),
        Arguments.of(List.of(), "le"),
        Arguments.of(dict("one", "aa", "two", "bb"), "d3:one2:aa3:two2:bbe"),
        Arguments.of(dict("two", "bb", "one", "aa"), "d3:one2:aa3:two2:bbe"),
        Arguments.of(Map.of(), "de"),
        Arguments.of(List.of(dict("a", "b"), dict("c", "d")), "ld1:a1:bed1:c1:dee"));
  }

  @ParameterizedTest
  @MethodSource("chihayaEncodeVectors")
  void encodesChihayaVectors(Object value, String expected) {
    assertEquals(expected, text(Bencode.encode(value)));
  }

  @Test
  void roundTripsChihayaDecoderTree() {
    Map<Object, Object> tree = dict("k4", -42, "k3", "val", "k2", 42, "k1", List.of("a", "b", "c"));

    byte[] encoded = Bencode.encode(tree);

    assertEquals("d2:k1l1:a1:b1:ce2:k2i42e2:k33:val2:k4i-42ee", text(encoded));
    assertTreeEquals(
        dict(
            "k1",
            List.of(latin1("a"), latin1("b"), latin1("c")),
            "k2",
            42L,
            "k3",
            latin1("val"),
            "k4",
            -42L),
        BencodeReader.decode(encoded));
  }

  @Test
  void sortsKeysByUnsignedUtf8BytesWhateverTheMapOrder() {
    Map<Object, Object> tree =
        dict(new byte[] {(byte) 0xFF}, 4, "\u00e9", 3, "b", 2, "a", 1, "", 0);

    assertArrayEquals(
        wire("d0:i0e1:ai1e1:bi2e2:", new byte[] {(byte) 0xC3, (byte) 0xA9}, "i3e1:\u00ffi4ee"),
        Bencode.encode(tree));
  }

  @Test
  void encodesStringsAsUtf8WithByteLengths() {
    assertArrayEquals(wire("2:", new byte[] {(byte) 0xC3, (byte) 0xA9}), Bencode.encode("\u00e9"));
    assertEquals(4 + 2, Bencode.encode("\ud83d\ude00").length);
  }

  @Test
  void truncatesDurationsTowardZero() {
    assertEquals("i1e", text(Bencode.encode(Duration.ofMillis(1999))));
    assertEquals("i0e", text(Bencode.encode(Duration.ofMillis(-999))));
    assertEquals("i-1e", text(Bencode.encode(Duration.ofMillis(-1500))));
    assertEquals("i-2e", text(Bencode.encode(Duration.ofSeconds(-2))));
  }

  @Test
  void rejectsKeysThatCollideOnceEncoded() {
    assertThrows(
        IllegalArgumentException.class, () -> Bencode.encode(dict("a", 1, latin1("a"), 2)));
    assertThrows(
        IllegalArgumentException.class, () -> Bencode.encode(dict(latin1("x"), 1, latin1("x"), 2)));
  }

  static Stream<Arguments> unsupportedValues() {
    // Each value is wrapped, or JUnit would spread the Object[] into several arguments.
    return Stream.<Object>of(
            true,
            1.5,
            'c',
            BigInteger.ONE,
            new Object[] {1},
            new int[] {1},
            new ArrayList<>().iterator())
        .map(value -> Arguments.of(value));
  }

  @ParameterizedTest
  @MethodSource("unsupportedValues")
  void rejectsUnsupportedTypesNamingThem(Object value) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Bencode.encode(List.of(value)));
    assertTrue(e.getMessage().contains(value.getClass().getName()), e.getMessage());
  }

  @Test
  void rejectsNullsAndNonStringKeys() {
    List<Object> withNull = new ArrayList<>();
    withNull.add(null);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Bencode.encode(withNull));
    assertTrue(e.getMessage().contains("null"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Bencode.encode(dict(1, "one")));
    assertTrue(e.getMessage().contains("java.lang.Integer"), e.getMessage());
  }

  @Test
  void writesIntoAWriterWhereAValueIsExpected() {
    BencodeWriter writer = new BencodeWriter().beginDict().key("files");
    Bencode.write(writer, dict("b", 2, "a", 1));
    writer.key("flags");
    Bencode.write(writer, List.of());

    assertEquals("d5:filesd1:ai1e1:bi2ee5:flagslee", text(writer.endDict().toByteArray()));
    assertThrows(IllegalStateException.class, () -> Bencode.write(writer, 1));
  }
}
