package io.karuta.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** How the stats page and {@code /stats.json} write instants, decimals and durations. */
final class StatsFormat {
  private StatsFormat() {}

  /** ISO-8601 in UTC to the millisecond, such as {@code 2026-01-02T03:04:05.678Z}. */
  static String instant(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS).toString();
  }

  /**
   * A finite decimal with at most three fraction digits and no exponent, such as {@code 2.5} or
   * {@code 0}; valid as a JSON number. Not-a-number and infinities, which the sampler never makes,
   * are written as {@code 0}.
   */
  static String decimal(double value) {
    if (!Double.isFinite(value)) {
      return "0";
    }
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP);
    if (rounded.signum() == 0) {
      return "0";
    }
    return rounded.stripTrailingZeros().toPlainString();
  }

  /** Seconds of {@code duration} as a decimal, such as {@code 5} or {@code 1.5}. */
  static String seconds(Duration duration) {
    return decimal(duration.toMillis() / 1000.0);
  }

  /** A duration for people, such as {@code 2d 3h 4m 5s} or {@code 7s}. */
  static String uptime(long seconds) {
    long days = seconds / 86_400;
    long hours = seconds % 86_400 / 3_600;
    long minutes = seconds % 3_600 / 60;
    long rest = seconds % 60;
    StringBuilder out = new StringBuilder();
    if (days > 0) {
      out.append(days).append("d ");
    }
    if (days > 0 || hours > 0) {
      out.append(hours).append("h ");
    }
    if (days > 0 || hours > 0 || minutes > 0) {
      out.append(minutes).append("m ");
    }
    return out.append(rest).append('s').toString();
  }
}
