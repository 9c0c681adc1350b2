package io.karuta.bittorrent;

import static io.karuta.bittorrent.Fixtures.HEX_1_TO_20;
import static io.karuta.bittorrent.Fixtures.filled;
import static io.karuta.bittorrent.Fixtures.oneTo20;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules {@link InfoHash} and {@link PeerId} share: exactly 20 bytes, lowercase hex text, value
 * equality, and no shared arrays (as chihaya's bittorrent.InfoHash and PeerID).
 *
 * @param <T> the identifier type
 */
abstract class TwentyByteIdContract<T> {

  /** {@code writeTo(byte[], int)} of the identifier type. */
  interface Writer<T> {
    void writeTo(T id, byte[] dst, int offset);
  }

  private final Function<byte[], T> of;
  private final BiFunction<byte[], Integer, T> ofAt;
  private final Function<T, byte[]> bytes;
  private final Writer<T> writer;

  /**
   * Binds the contract to one type.
   *
   * @param of builds an identifier from exactly 20 bytes, checking the length
   * @param ofAt builds an identifier from {@code bytes[offset .. offset + 20)}
   * @param bytes returns the 20 bytes
   * @param writer writes the 20 bytes at an offset
   */
  TwentyByteIdContract(
      Function<byte[], T> of,
      BiFunction<byte[], Integer, T> ofAt,
      Function<T, byte[]> bytes,
      Writer<T> writer) {
    this.of = of;
    this.ofAt = ofAt;
    this.bytes = bytes;
    this.writer = writer;
  }

  private T of(byte[] input) {
    return of.apply(input);
  }

  private T of(byte[] input, int offset) {
    return ofAt.apply(input, offset);
  }

  private byte[] bytes(T id) {
    return bytes.apply(id);
  }

  private void writeTo(T id, byte[] dst, int offset) {
    writer.writeTo(id, dst, offset);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 19, 21, 32})
  void rejectsAnyLengthButTwenty(int length) {
    assertThrows(IllegalArgumentException.class, () -> of(new byte[length]));
  }

  @Test
  void rejectsNull() {
    assertThrows(IllegalArgumentException.class, () -> of(null));
  }

  @Test
  void textIsLowercaseHex() {
    assertEquals(HEX_1_TO_20, of(oneTo20()).toString());
    assertEquals("ab".repeat(20), of(filled(20, 0xAB)).toString());
  }

  @Test
  void bytesRoundTrip() {
    Random random = new Random(20);
    for (int i = 0; i < 1000; i++) {
      byte[] bytes = new byte[20];
      random.nextBytes(bytes);
      assertArrayEquals(bytes, bytes(of(bytes)));
    }
    assertArrayEquals(filled(20, 0xFF), bytes(of(filled(20, 0xFF))));
    assertArrayEquals(filled(20, 0x80), bytes(of(filled(20, 0x80))));
  }

  @Test
  void writeToAndReadAtAnOffsetRoundTrip() {
    T id = of(oneTo20());
    byte[] dst = filled(30, 0x55);
    writeTo(id, dst, 7);

    assertArrayEquals(filled(7, 0x55), Arrays.copyOfRange(dst, 0, 7));
    assertArrayEquals(oneTo20(), Arrays.copyOfRange(dst, 7, 27));
    assertArrayEquals(filled(3, 0x55), Arrays.copyOfRange(dst, 27, 30));
    assertEquals(id, of(dst, 7));
  }

  @Test
  void equalsAndHashCodeFollowTheContent() {
    T id = of(oneTo20());
    T same = of(oneTo20());
    assertEquals(id, same);
    assertEquals(id.hashCode(), same.hashCode());

    for (int i = 0; i < 20; i++) {
      byte[] other = oneTo20();
      other[i] ^= (byte) 0x80;
      assertNotEquals(id, of(other), "byte " + i);
    }
  }

  @Test
  void sharesNoArray() {
    byte[] input = oneTo20();
    T id = of(input);
    input[0] = 99;
    byte[] output = bytes(id);
    output[1] = 99;

    assertNotSame(output, bytes(id));
    assertArrayEquals(oneTo20(), bytes(id));
  }
}
