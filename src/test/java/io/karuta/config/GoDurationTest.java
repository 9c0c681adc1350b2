package io.karuta.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

  @ParameterizedTest(name = "{0} = {1} ns")
  @CsvSource({
    "0, 0",
    "-0, 0",
    "+0, 0",
    "0s, 0",
    "30m, 1800000000000",
    "1h30m, 5400000000000",
    "1.5h, 5400000000000",
    "300ms, 300000000",
    "10s, 10000000000",
    "1h1h, 7200000000000",
    "-2s, -2000000000",
    "+5s, 5000000000",
    "1ns, 1",
    "1us, 1000",
    "1\u00b5s, 1000",
    "1\u03bcs, 1000",
    "1.5us, 1500",
    ".5s, 500000000",
    "5.s, 5000000000",
    "1.0000000001s, 1000000000",
    "2h45m30.5s, 9930500000000",
    "2562047h, 9223369200000000000",
  })
  void parsesGoSyntax(String text, long nanos) {
    assertEquals(Duration.ofNanos(nanos), GoDuration.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", "+", "s", ".s", "1.2.3s", "h1", "1 h", " 1h", "1h ", "1x", "1d"})
  void rejectsMalformedText(String text) {
    assertThrows(IllegalArgumentException.class, () -> GoDuration.parse(text));
  }

  @Test
  void rejectsBareNumbersWithAUnitHint() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GoDuration.parse("1800"));
    assertEquals("'1800' has no unit; write a duration such as 30m or 1800s", e.getMessage());
    assertTrue(GoDuration.parse("1800s").equals(Duration.ofMinutes(30)));
    assertThrows(IllegalArgumentException.class, () -> GoDuration.parse("1.5"));
    assertThrows(IllegalArgumentException.class, () -> GoDuration.parse("-5"));
  }

  @Test
  void namesTheProblem() {
    assertEquals(
        "'1h30' has a number without a unit (units: ns, us, ms, s, m, h)",
        assertThrows(IllegalArgumentException.class, () -> GoDuration.parse("1h30")).getMessage());
    assertEquals(
        "'3d' has the unknown unit 'd' (units: ns, us, ms, s, m, h)",
        assertThrows(IllegalArgumentException.class, () -> GoDuration.parse("3d")).getMessage());
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> GoDuration.parse("2562048h"))
            .getMessage()
            .contains("too long"));
  }

  @ParameterizedTest(name = "{0} ns -> {1}")
  @CsvSource({
    "0, 0s",
    "1, 1ns",
    "1500, 1.5us",
    "300000000, 300ms",
    "1000000000, 1s",
    "1500000000, 1.5s",
    "10000000000, 10s",
    "90000000000, 1m30s",
    "1800000000000, 30m",
    "3600000000000, 1h",
    "5400000000000, 1h30m",
    "86400000000000, 24h",
    "3601000000000, 1h1s",
    "-5400000000000, -1h30m",
  })
  void formatsCompactly(long nanos, String text) {
    assertEquals(text, GoDuration.format(Duration.ofNanos(nanos)));
    assertEquals(Duration.ofNanos(nanos), GoDuration.parse(text));
  }
}
