package io.karuta.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.karuta.bittorrent.Event;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class ConvertersTest {
  @Test
  void durationsAreWholeNumbersWithAUnit() {
    Converters.WholeDuration durations = new Converters.WholeDuration();

    assertEquals(Duration.ofMillis(500), durations.convert("500ms"));
    assertEquals(Duration.ofSeconds(2), durations.convert("2s"));
    assertEquals(Duration.ofMinutes(1), durations.convert("1m"));
    for (String bad : new String[] {"2", "1.5s", "-1s", "2h", "s", ""}) {
      assertThrows(TypeConversionException.class, () -> durations.convert(bad), bad);
    }
  }

  @Test
  void aPeerIdIsTwentyCharactersOrFortyHexDigits() {
    Converters.PeerIdText ids = new Converters.PeerIdText();
    byte[] text = "-qB4650-abcdefghijkl".getBytes(StandardCharsets.US_ASCII);

    assertArrayEquals(text, ids.convert("-qB4650-abcdefghijkl").bytes());
    assertArrayEquals(
        new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, (byte) 0xFF},
        ids.convert("000102030405060708090a0b0c0d0e0f101112ff").bytes());
    assertThrows(TypeConversionException.class, () -> ids.convert("-qB4650-abcdefghijk€"));
    assertThrows(
        TypeConversionException.class,
        () -> ids.convert("000102030405060708090a0b0c0d0e0f101112zz"));
  }

  @Test
  void eventsAreBep3Names() {
    Converters.EventName events = new Converters.EventName();

    assertEquals(Event.STARTED, events.convert("started"));
    assertEquals(Event.STOPPED, events.convert("stopped"));
    assertEquals(Event.COMPLETED, events.convert("completed"));
    assertEquals(Event.NONE, events.convert("none"));
    assertThrows(TypeConversionException.class, () -> events.convert("begun"));
  }
}
