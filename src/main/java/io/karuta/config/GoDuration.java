package io.karuta.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;

/**
 * Durations written the way Go's {@code time.ParseDuration} reads them, so that chihaya
 * configuration files keep their meaning: a sequence of decimal numbers, each with an optional
 * fraction and a unit ({@code ns}, {@code us}, {@code µs}, {@code ms}, {@code s}, {@code m}, {@code
 * h}), with an optional leading sign. Examples: {@code 30m}, {@code 1h30m}, {@code 1.5h}, {@code
 * 300ms}, {@code -2s}.
 *
 * <p>One divergence from Go, on purpose: Go reads a bare number other than {@code 0} as
 * nanoseconds, so {@code announce_interval: 1800} silently means 1.8 µs. Here a bare number is
 * rejected with a message that suggests a unit. {@code "0"} alone (optionally signed) is zero, as
 * in Go. Fractions finer than a nanosecond are cut off, and the total must fit Go's range (about
 * 292 years), as in Go.
 */
public final class GoDuration {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final Map<String, Long> UNITS =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "\u00b5s", 1_000L, // micro sign
          "\u03bcs", 1_000L, // Greek small letter mu
          "ms", 1_000_000L,
          "s", NANOS_PER_SECOND,
          "m", 60 * NANOS_PER_SECOND,
          "h", 3600 * NANOS_PER_SECOND);
  private static final String UNIT_LIST = "ns, us, ms, s, m, h";
  private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);

  private GoDuration() {}

  /**
   * Parses Go duration syntax.
   *
   * @param text the duration as written, without surrounding blanks
   * @return the duration; negative when written with {@code -}
   * @throws IllegalArgumentException when the text is empty, malformed, has a number without a
   *     unit, an unknown unit, or is out of Go's range; the message quotes the text and says what
   *     to write
   */
  public static Duration parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("no duration given; write one such as 30m or 1h30m");
    }
    boolean negative = text.charAt(0) == '-';
    int signLength = negative || text.charAt(0) == '+' ? 1 : 0;
    if (text.substring(signLength).equals("0")) {
      return Duration.ZERO;
    }
    int i = signLength;
    if (i == text.length()) {
      throw notADuration(text);
    }
    BigDecimal nanos = BigDecimal.ZERO;
    while (i < text.length()) {
      int numberStart = i;
      i = skipNumber(text, i);
      if (i == numberStart) {
        throw notADuration(text);
      }
      BigDecimal number = new BigDecimal(text.substring(numberStart, i));
      int unitStart = i;
      while (i < text.length() && !isNumberChar(text.charAt(i))) {
        i++;
      }
      String unit = text.substring(unitStart, i);
      if (unit.isEmpty()) {
        throw missingUnit(text, numberStart == signLength && i == text.length());
      }
      Long unitNanos = UNITS.get(unit);
      if (unitNanos == null) {
        throw new IllegalArgumentException(
            "'" + text + "' has the unknown unit '" + unit + "' (units: " + UNIT_LIST + ")");
      }
      nanos = nanos.add(number.multiply(BigDecimal.valueOf(unitNanos)));
    }
    BigInteger whole = nanos.setScale(0, RoundingMode.DOWN).toBigIntegerExact();
    if (whole.compareTo(MAX_NANOS) > 0) {
      throw new IllegalArgumentException("'" + text + "' is too long (at most 2562047h)");
    }
    long value = whole.longValueExact();
    return Duration.ofNanos(negative ? -value : value);
  }

  /**
   * Formats a duration in the compact form this class parses back to the same value: the non-zero
   * parts among hours, minutes and seconds ({@code 1h30m}, {@code 30m}, {@code 1m30.5s}); below one
   * second the largest of {@code ms}, {@code us}, {@code ns} with a fraction ({@code 300ms}, {@code
   * 1.5us}); {@code 0s} for zero. Unlike Go it leaves out zero parts ({@code 30m}, not {@code
   * 30m0s}) and writes {@code us} rather than {@code µs}, so the text stays ASCII.
   */
  public static String format(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    if (duration.isNegative()) {
      out.append('-');
    }
    BigInteger nanos = toNanos(duration).abs();
    BigInteger[] hoursAndRest =
        nanos.divideAndRemainder(BigInteger.valueOf(3600 * NANOS_PER_SECOND));
    BigInteger[] minutesAndRest =
        hoursAndRest[1].divideAndRemainder(BigInteger.valueOf(60 * NANOS_PER_SECOND));
    long rest = minutesAndRest[1].longValueExact();
    if (nanos.compareTo(BigInteger.valueOf(NANOS_PER_SECOND)) < 0) {
      long unit = rest >= 1_000_000L ? 1_000_000L : rest >= 1_000L ? 1_000L : 1L;
      String name = unit == 1_000_000L ? "ms" : unit == 1_000L ? "us" : "ns";
      return out.append(decimal(rest, unit)).append(name).toString();
    }
    if (hoursAndRest[0].signum() > 0) {
      out.append(hoursAndRest[0]).append('h');
    }
    if (minutesAndRest[0].signum() > 0) {
      out.append(minutesAndRest[0]).append('m');
    }
    if (rest > 0) {
      out.append(decimal(rest, NANOS_PER_SECOND)).append('s');
    }
    return out.toString();
  }

  private static BigInteger toNanos(Duration duration) {
    return BigInteger.valueOf(duration.getSeconds())
        .multiply(BigInteger.valueOf(NANOS_PER_SECOND))
        .add(BigInteger.valueOf(duration.getNano()));
  }

  private static String decimal(long value, long unit) {
    return BigDecimal.valueOf(value)
        .divide(BigDecimal.valueOf(unit))
        .stripTrailingZeros()
        .toPlainString();
  }

  /** Returns the index after the number (digits, optional fraction) that starts at {@code i}. */
  private static int skipNumber(String text, int i) {
    int start = i;
    while (i < text.length() && isDigit(text.charAt(i))) {
      i++;
    }
    boolean digitsBefore = i > start;
    if (i < text.length() && text.charAt(i) == '.') {
      int fractionStart = ++i;
      while (i < text.length() && isDigit(text.charAt(i))) {
        i++;
      }
      if (!digitsBefore && i == fractionStart) {
        return start; // a lone '.'
      }
    }
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isNumberChar(char c) {
    return isDigit(c) || c == '.';
  }

  private static IllegalArgumentException notADuration(String text) {
    return new IllegalArgumentException(
        "'" + text + "' is not a duration; write one such as 30m, 1h30m or 45s");
  }

  private static IllegalArgumentException missingUnit(String text, boolean wholeText) {
    if (wholeText) {
      return new IllegalArgumentException(
          "'" + text + "' has no unit; write a duration such as 30m or " + text + "s");
    }
    return new IllegalArgumentException(
        "'" + text + "' has a number without a unit (units: " + UNIT_LIST + ")");
  }
}
