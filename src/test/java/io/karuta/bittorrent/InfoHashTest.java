package io.karuta.bittorrent;

import static io.karuta.bittorrent.Fixtures.HEX_1_TO_20;
import static io.karuta.bittorrent.Fixtures.oneTo20;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InfoHashTest extends TwentyByteIdContract<InfoHash> {

  InfoHashTest() {
    super(InfoHash::of, InfoHash::of, InfoHash::bytes, InfoHash::writeTo);
  }

  @Test
  void fromHexAcceptsEitherCase() {
    InfoHash expected = InfoHash.of(oneTo20());
    String mixed = "0102030405060708090A0b0C0d0E0f1011121314";

    assertEquals(expected, InfoHash.fromHex(HEX_1_TO_20));
    assertEquals(expected, InfoHash.fromHex(HEX_1_TO_20.toUpperCase(Locale.ROOT)));
    assertEquals(expected, InfoHash.fromHex(mixed));
  }

  @Test
  void fromHexRoundTripsTheText() {
    String hex = "3532cf2d327fad8448c075b4cb42c8136964a435";
    assertEquals(hex, InfoHash.fromHex(hex).toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "0102030405060708090a0b0c0d0e0f10111213", // 19 bytes
        "0102030405060708090a0b0c0d0e0f101112131415", // 21 bytes
        "0102030405060708090a0b0c0d0e0f101112131", // 39 digits
        "0102030405060708090a0b0c0d0e0f10111213g4",
        "0102030405060708090a0b0c0d0e0f10111213 4",
        "0x02030405060708090a0b0c0d0e0f1011121314",
        // Non-ASCII digits and fullwidth letters, which Character.digit would accept.
        "\u0660\u066102030405060708090a0b0c0d0e0f1011121314",
        "\uff10\uff2102030405060708090a0b0c0d0e0f1011121314"
      })
  void fromHexRejectsAnythingButFortyHexDigits(String hex) {
    assertThrows(IllegalArgumentException.class, () -> InfoHash.fromHex(hex));
  }
}
