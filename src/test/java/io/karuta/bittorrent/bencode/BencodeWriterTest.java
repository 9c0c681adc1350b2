package io.karuta.bittorrent.bencode;

import static io.karuta.bittorrent.bencode.Trees.text;
import static io.karuta.bittorrent.bencode.Trees.wire;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The writer's canonical-form rules (BEP 3: keys sorted as raw strings, no leading zeros) and its
 * misuse checks.
 */
class BencodeWriterTest {

  @ParameterizedTest
  @ValueSource(
      longs = {
        0,
        1,
        -1,
        9,
        10,
        -10,
        99,
        100,
        1800,
        -1800,
        Integer.MAX_VALUE,
        Integer.MIN_VALUE,
        Long.MAX_VALUE,
        Long.MIN_VALUE,
        Long.MAX_VALUE - 1,
        Long.MIN_VALUE + 1
      })
  void writesIntegersWithoutLeadingZerosAndRoundTrips(long value) {
    byte[] bytes = new BencodeWriter().value(value).toByteArray();

    assertEquals("i" + value + "e", text(bytes));
    assertEquals(value, BencodeReader.decode(bytes));
  }

  @Test
  void neverWritesNegativeZeroOrLeadingZeros() {
    BencodeWriter writer = new BencodeWriter(0);
    for (long value = -2000; value <= 2000; value++) {
      writer.reset();
      String written = text(writer.value(value).toByteArray());
      assertFalse(written.startsWith("i-0") || written.startsWith("i0") && value != 0, written);
      assertEquals(value, BencodeReader.decode(writer.toByteArray()));
    }
  }

  @Test
  void writesStringsWithByteLengths() {
    byte[] binary = {0, (byte) 0xFF, 'x', (byte) 0x80};
    BencodeWriter writer =
        new BencodeWriter()
            .beginList()
            .value("")
            .value("abc")
            .value("\u00e9t\u00e9")
            .value(binary)
            .value(binary, 1, 2)
            .endList();

    assertArrayEquals(
        wire("l0:3:abc5:", "\u00c3\u00a9t\u00c3\u00a9", "4:", binary, "2:\u00ffxe"),
        writer.toByteArray());
    assertThrows(IndexOutOfBoundsException.class, () -> writer.value(binary, 3, 2));
  }

  @Test
  void acceptsKeysInUnsignedByteOrder() {
    BencodeWriter writer = new BencodeWriter().beginDict();
    writer.key("").value(0).key("a").value(1).key("ab").value(2).key("b").value(3);
    writer.key(new byte[] {0x7F}).value(4).key(new byte[] {(byte) 0x80}).value(5);

    assertEquals(
        "d0:i0e1:ai1e2:abi2e1:bi3e1:\u007fi4e1:\u0080i5ee", text(writer.endDict().toByteArray()));
  }

  static Stream<Arguments> keysOutOfOrder() {
    return Stream.of(
        Arguments.of(new byte[] {'b'}, new byte[] {'a'}),
        Arguments.of(new byte[] {'a', 'b'}, new byte[] {'a'}),
        Arguments.of(new byte[] {'a'}, new byte[] {'a'}),
        Arguments.of(new byte[] {'a'}, new byte[0]),
        Arguments.of(new byte[] {(byte) 0x80}, new byte[] {0x7F}));
  }

  @ParameterizedTest
  @MethodSource("keysOutOfOrder")
  void refusesAKeyNotAfterThePreviousOneAndStaysUsable(byte[] first, byte[] second) {
    BencodeWriter writer = new BencodeWriter().beginDict().key(first).value(1);
    int size = writer.size();

    assertThrows(IllegalStateException.class, () -> writer.key(second));

    assertEquals(size, writer.size(), "a refused key writes nothing");
    byte[] last = Arrays.copyOf(first, first.length + 1);
    assertArrayEquals(
        wire("d", first.length + ":", first, "i1e", last.length + ":", last, "i2ee"),
        writer.key(last).value(2).endDict().toByteArray());
  }

  @Test
  void checksKeyOrderPerDictionary() {
    BencodeWriter writer = new BencodeWriter().beginDict().key("b").beginDict().key("z").value(1);
    writer.endDict();
    writer.key("c").beginList().beginDict().key("a").value(2).endDict().endList();

    assertThrows(IllegalStateException.class, () -> writer.key("b"));
    assertEquals("d1:bd1:zi1ee1:cld1:ai2eeee", text(writer.endDict().toByteArray()));
  }

  static Stream<Arguments> misuse() {
    return Stream.<Consumer<BencodeWriter>>of(
            w -> w.beginDict().value(1),
            w -> w.beginDict().beginList(),
            w -> w.beginDict().key("a").key("b"),
            w -> w.beginDict().key("a").endDict(),
            w -> w.beginList().key("a"),
            w -> w.key("a"),
            w -> w.beginList().endDict(),
            w -> w.beginDict().endList(),
            w -> w.endList(),
            w -> w.endDict(),
            w -> w.value(1).value(2),
            w -> w.beginList().endList().beginList(),
            w -> w.beginList().endList().endList(),
            w -> w.beginList().toByteArray(),
            w -> w.beginDict().key("a").value(1).toByteArray(),
            w -> w.beginList().beginDict().endDict().toByteArray(),
            BencodeWriter::toByteArray)
        .map(Arguments::of);
  }

  @ParameterizedTest
  @MethodSource("misuse")
  void refusesMalformedStructure(Consumer<BencodeWriter> steps) {
    assertThrows(IllegalStateException.class, () -> steps.accept(new BencodeWriter()));
  }

  @Test
  void refusesNonAsciiTextKeys() {
    BencodeWriter writer = new BencodeWriter().beginDict();
    assertThrows(IllegalArgumentException.class, () -> writer.key("caf\u00e9"));
    assertEquals("d4:cafei1ee", text(writer.key("cafe").value(1).endDict().toByteArray()));
  }

  @Test
  void resetStartsANewDocumentAndGrowsFromNothing() {
    BencodeWriter writer = new BencodeWriter(0);
    byte[] big = new byte[100_000];
    Arrays.fill(big, (byte) 'x');
    writer.beginList().value(big);
    assertEquals(8 + big.length, writer.size());

    writer.reset();
    assertEquals(0, writer.size());
    assertEquals("d1:ai1ee", text(writer.beginDict().key("a").value(1).endDict().toByteArray()));
    assertEquals(8, writer.size());
  }

  @Test
  void refusesANegativeCapacity() {
    assertThrows(IllegalArgumentException.class, () -> new BencodeWriter(-1));
  }
}
