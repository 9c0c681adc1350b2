package io.karuta.middleware.varinterval;

/**
 * The xorshift128+ step and the {@code Intn} of chihaya's {@code pkg/random}, on unsigned 64-bit
 * state held in Java {@code long}s (addition and shifts wrap exactly as Go's {@code uint64}).
 *
 * <p>A step turns the state (s0, s1) into the output {@code s0 + s1} and the next state (s1, t ^ s1
 * ^ (t >>> 18) ^ (s1 >>> 5)) where {@code t = s0 ^ (s0 << 23)}. Stateless and allocation-free.
 */
final class Xorshift128Plus {
  private Xorshift128Plus() {}

  /** Returns the output of the step from (s0, s1). The next state's s0 is {@code s1}. */
  static long output(long s0, long s1) {
    return s0 + s1;
  }

  /** Returns the next state's s1 after the step from (s0, s1). */
  static long nextS1(long s0, long s1) {
    long t = s0 ^ (s0 << 23);
    return t ^ s1 ^ (t >>> 18) ^ (s1 >>> 5);
  }

  /**
   * Returns Go's {@code |int64(v)| % n} exactly. Like Go, Java negates {@code Long.MIN_VALUE} to
   * itself and truncates {@code %} towards zero, so for that single output the result is {@code
   * -(2^63 mod n)}, zero or negative, as chihaya computes it; every other output gives a value in
   * [0, n).
   *
   * @param n the bound, at least 1
   */
  static long intn(long v, long n) {
    long k = v < 0 ? -v : v;
    return k % n;
  }
}
