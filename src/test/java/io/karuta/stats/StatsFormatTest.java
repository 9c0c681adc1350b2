package io.karuta.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StatsFormatTest {
  @Test
  void writesDecimalsWithoutExponentsOrTrailingZeros() {
    assertEquals("0", StatsFormat.decimal(0));
    assertEquals("0", StatsFormat.decimal(-0.0));
    assertEquals("0", StatsFormat.decimal(0.0004));
    assertEquals("0.001", StatsFormat.decimal(0.0005));
    assertEquals("2", StatsFormat.decimal(2.0));
    assertEquals("1234567.5", StatsFormat.decimal(1234567.5));
    assertEquals("12345678901", StatsFormat.decimal(1.2345678901e10));
    assertEquals("0", StatsFormat.decimal(Double.NaN));
    assertEquals("0", StatsFormat.decimal(Double.POSITIVE_INFINITY));
  }

  @Test
  void writesSecondsOfADuration() {
    assertEquals("5", StatsFormat.seconds(Duration.ofSeconds(5)));
    assertEquals("1.25", StatsFormat.seconds(Duration.ofMillis(1250)));
    assertEquals("60", StatsFormat.seconds(Duration.ofMinutes(1)));
  }

  @Test
  void writesUptimeForPeople() {
    assertEquals("0s", StatsFormat.uptime(0));
    assertEquals("59s", StatsFormat.uptime(59));
    assertEquals("1m 0s", StatsFormat.uptime(60));
    assertEquals("1h 0m 5s", StatsFormat.uptime(3605));
    assertEquals("2d 0h 0m 0s", StatsFormat.uptime(172_800));
  }
}
