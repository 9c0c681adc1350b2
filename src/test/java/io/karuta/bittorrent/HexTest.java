package io.karuta.bittorrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HexTest {

  @Test
  void encodesLowercaseTwoDigitsPerByte() {
    assertEquals("", Hex.encode(new byte[0]));
    assertEquals("00017f80abff", Hex.encode(new byte[] {0, 1, 0x7F, (byte) 0x80, (byte) 0xAB, -1}));
  }

  @Test
  void everyByteRoundTrips() {
    byte[] all = new byte[256];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }
    String hex = Hex.encode(all);

    assertEquals(512, hex.length());
    assertEquals("fdfeff", hex.substring(506));
    assertArrayEquals(all, Hex.decode(hex));
  }

  @Test
  void decodesEitherCase() {
    byte[] expected = {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF, 0x09};
    assertArrayEquals(expected, Hex.decode("abcdef09"));
    assertArrayEquals(expected, Hex.decode("ABCDEF09"));
    assertArrayEquals(expected, Hex.decode("aBcDeF09"));
    assertArrayEquals(new byte[0], Hex.decode(""));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "abc",
        "0g",
        "g0",
        " 0",
        "-1",
        "+1",
        "0x",
        "\u0661\u0662",
        "\uff10\uff11",
        "\uff41\uff42"
      })
  void rejectsOddLengthsAndAnythingButAsciiHexDigits(String hex) {
    assertThrows(IllegalArgumentException.class, () -> Hex.decode(hex));
  }

  @Test
  void valueIsMinusOneForAnythingButAsciiHexDigits() {
    for (int i = 0; i <= Character.MAX_VALUE; i++) {
      char c = (char) i;
      int expected = c <= 'f' ? "0123456789abcdef".indexOf(Character.toLowerCase(c)) : -1;
      assertEquals(expected, Hex.value(c), () -> "char U+" + Integer.toHexString(c));
    }
  }
}
