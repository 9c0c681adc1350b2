package io.karuta.middleware.varinterval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.AnnounceRequest;
import io.karuta.bittorrent.AnnounceResponse;
import io.karuta.bittorrent.Event;
import io.karuta.bittorrent.Hex;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.Params;
import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.PeerId;
import io.karuta.config.ConfigException;
import io.karuta.config.ConfigLookup;
import io.karuta.config.Options;
import io.karuta.middleware.AnnounceContext;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code interval variation} hook: chihaya's option checks and texts
 * (middleware/varinterval/varinterval_test.go), and deltas equal to chihaya's xorshift128+ (5.3)
 * for fixed pairs, checked against golden values computed outside Java and against {@link
 * GoReference}, a plain unsigned re-implementation.
 */
class IntervalVariationHookTest {
  private static final String PREFIX = "karuta.prehooks[0].options.";
  private static final Duration INTERVAL = Duration.ofMinutes(30);
  private static final Duration MIN_INTERVAL = Duration.ofMinutes(15);

  /**
   * Golden deltas, computed by an independent Python script from chihaya's algorithm
   * (middleware/varinterval) (Go's uint64 wrap-around, int64 negation overflow and truncating
   * {@code %}, float32 probability).
   */
  @ParameterizedTest(name = "{0} {1} p={2} max={3} -> {4}")
  @CsvSource({
    "0102030405060708090a0b0c0d0e0f1011121314, -TEST01-6wfG2wk6wWLc, 1.0, 60, 41",
    "0102030405060708090a0b0c0d0e0f1011121314, -TEST01-6wfG2wk6wWLc, 0.5, 60, 0",
    "3532cf2d327fad8448c075b4cb42c8136964a435, -AZ3034-6wfG2wk6wWLc, 1.0, 60, 11",
    "3532cf2d327fad8448c075b4cb42c8136964a435, -AZ3034-6wfG2wk6wWLc, 1.0, 7, 5",
    "e5b0b1295e11f3576ccaee63db5b43abc8ba7fab, -KA0100-abea549c8a9f, 0.5, 60, 36",
    "e5b0b1295e11f3576ccaee63db5b43abc8ba7fab, -KA0100-abea549c8a9f, 0.2, 3600, 3516",
    "2b8aa269ee504c7a460cda34646d8fd0809eea98, -KA0100-bfd5779f34d4, 0.2, 3600, 1022",
    "5676507a9fdbdbff439da5d668506fc2891f62c3, -KA0100-b49652b87c78, 0.5, 60, 0",
    "5676507a9fdbdbff439da5d668506fc2891f62c3, -KA0100-b49652b87c78, 1.0, 60, 32",
  })
  void deltasMatchChihayaForFixedPairs(
      String infoHash, String peerId, String probability, String max, long expected) {
    IntervalVariation variation = configure(probability, max, "true");
    InfoHash ih = InfoHash.fromHex(infoHash);
    PeerId pid = peerId(peerId);

    assertEquals(expected, variation.deltaSeconds(ih, pid));
    assertEquals(
        expected,
        GoReference.delta(ih.bytes(), pid.bytes(), Float.parseFloat(probability), max(max)));
  }

  @ParameterizedTest(name = "all bytes {0}, max={2} -> {3}")
  @CsvSource({"ff, 0.2, 3600, 2339", "ff, 0.5, 60, 59", "00, 0.5, 60, 1", "00, 1.0, 7, 1"})
  void theWordSumsWrapAroundLikeGoUint64(String fill, String probability, String max, long delta) {
    byte[] bytes = Hex.decode(fill.repeat(20));

    assertEquals(
        delta,
        configure(probability, max, "true").deltaSeconds(InfoHash.of(bytes), PeerId.of(bytes)));
  }

  /**
   * The one state where Go's {@code |int64(v)|} overflows: the second output is 2^63, so chihaya's
   * Intn returns -(2^63 mod n) and the delta is 1 minus that.
   */
  @Test
  void theMinInt64OutputGivesChihayasNonPositiveDelta() {
    InfoHash ih = InfoHash.fromHex("8084200108000200" + "00".repeat(12));
    PeerId zeros = PeerId.of(new byte[20]);
    assertEquals(Long.MIN_VALUE, GoReference.secondOutput(ih.bytes(), zeros.bytes()));

    assertEquals(1 - 8, configure("1", "60", "true").deltaSeconds(ih, zeros)); // 2^63 mod 60 = 8
    assertEquals(1 - 1, configure("1", "7", "true").deltaSeconds(ih, zeros)); // 2^63 mod 7 = 1
    assertEquals(-7, GoReference.delta(ih.bytes(), zeros.bytes(), 1f, 60));

    IntervalVariationHook hook = hook("1", "60", "true");
    assertEquals(
        new AnnounceResponse(Duration.ofSeconds(1793), Duration.ofSeconds(893), 0, 0, List.of()),
        run(hook, ih, zeros, INTERVAL, MIN_INTERVAL).response());
    AnnounceContext shortIntervals = run(hook, ih, zeros, Duration.ofSeconds(5), Duration.ZERO);
    assertEquals(Duration.ZERO, shortIntervals.response().interval(), "never below zero");
  }

  /**
   * Chihaya compares {@code float32(Intn(2^24)) / 2^24 < float32(probability)}. Here the drawn
   * value is 9362982 / 2^24: a probability just above it as a double, but equal to it as a float32,
   * must not modify; the next float32 up must.
   */
  @Test
  void theProbabilityIsComparedAsAFloat32LikeGo() {
    InfoHash ih = InfoHash.fromHex("5676507a9fdbdbff439da5d668506fc2891f62c3");
    PeerId pid = peerId("-KA0100-b49652b87c78");
    assertTrue(9362982 / 16777216.0 < 0.5580772310495377, "a double comparison would modify");

    assertEquals(0, configure("0.5580772310495377", "60", "false").deltaSeconds(ih, pid));
    assertEquals(32, configure("0.5580772757530212", "60", "false").deltaSeconds(ih, pid));
  }

  @Test
  void randomPairsAgreeWithTheUnsignedReference() {
    SplittableRandom random = new SplittableRandom(20240607);
    String[][] configs = {{"1", "60"}, {"0.5", "60"}, {"0.2", "3600"}, {"0.999", "1"}};
    int modified = 0;
    for (String[] config : configs) {
      IntervalVariation variation = configure(config[0], config[1], "true");
      for (int i = 0; i < 2_000; i++) {
        byte[] ih = new byte[20];
        byte[] pid = new byte[20];
        random.nextBytes(ih);
        random.nextBytes(pid);
        long delta = variation.deltaSeconds(InfoHash.of(ih), PeerId.of(pid));
        long expected =
            GoReference.delta(ih, pid, Float.parseFloat(config[0]), Integer.parseInt(config[1]));
        assertEquals(expected, delta, () -> Hex.encode(ih) + " " + Hex.encode(pid));
        assertTrue(delta >= 0 && delta <= Integer.parseInt(config[1]));
        modified += config[0].equals("0.5") && delta > 0 ? 1 : 0;
      }
    }
    // About half of the pairs at probability 0.5 (binomial, n = 2000: 5 sigma is about 112).
    assertTrue(modified > 1_000 - 112 && modified < 1_000 + 112, "modified: " + modified);
  }

  @Test
  void onlyTheFirstSixteenBytesOfEachIdSeedTheDraws() {
    IntervalVariation variation = configure("1", "3600", "true");
    InfoHash ih = InfoHash.fromHex("e5b0b1295e11f3576ccaee63db5b43abc8ba7fab");
    InfoHash ihOtherTail = InfoHash.fromHex("e5b0b1295e11f3576ccaee63db5b43ab00000000");
    PeerId pid = peerId("-KA0100-abea549c8a9f");
    PeerId pidOtherTail = peerId("-KA0100-abea549cZZZZ");

    long delta = variation.deltaSeconds(ih, pid);
    assertEquals(delta, variation.deltaSeconds(ihOtherTail, pidOtherTail));
  }

  @Test
  void theHookAddsTheDeltaToBothIntervalsOrOnlyToTheInterval() {
    InfoHash ih = InfoHash.fromHex("e5b0b1295e11f3576ccaee63db5b43abc8ba7fab");
    PeerId pid = peerId("-KA0100-abea549c8a9f");

    AnnounceContext both = run(hook("0.5", "60", "true"), ih, pid, INTERVAL, MIN_INTERVAL);
    assertEquals(INTERVAL.plusSeconds(36), both.response().interval());
    assertEquals(MIN_INTERVAL.plusSeconds(36), both.response().minInterval());

    AnnounceContext one = run(hook("0.5", "60", "false"), ih, pid, INTERVAL, MIN_INTERVAL);
    assertEquals(INTERVAL.plusSeconds(36), one.response().interval());
    assertEquals(MIN_INTERVAL, one.response().minInterval());

    AnnounceContext again = run(hook("0.5", "60", "false"), ih, pid, INTERVAL, MIN_INTERVAL);
    assertEquals(one.response(), again.response(), "the same pair gets the same delta");
  }

  @Test
  void anUnselectedPairKeepsTheSameResponseObject() {
    InfoHash ih = InfoHash.fromHex("5676507a9fdbdbff439da5d668506fc2891f62c3");
    AnnounceResponse initial = AnnounceResponse.initial(INTERVAL, MIN_INTERVAL);
    AnnounceContext context =
        new AnnounceContext(announce(ih, peerId("-KA0100-b49652b87c78")), initial);

    hook("0.5", "60", "true").handleAnnounce(context);

    assertSame(initial, context.response());
  }

  /** Chihaya's varinterval_test.go: with probability 1 and delta 10, zero intervals grow. */
  @Test
  void chihayaBothIntervalsGrowFromZero() {
    AnnounceContext context =
        run(
            hook("1.0", "10", "true"),
            InfoHash.fromHex("3532cf2d327fad8448c075b4cb42c8136964a435"),
            peerId("-AZ3034-6wfG2wk6wWLc"),
            Duration.ZERO,
            Duration.ZERO);

    assertTrue(context.response().interval().getSeconds() > 0);
    assertTrue(context.response().minInterval().getSeconds() > 0);
  }

  /** Chihaya's config vectors: (0.5, 60, true) and (1.0, 60, true) are accepted. */
  @ParameterizedTest
  @CsvSource({"0.5, 60, true", "1.0, 60, true", "1, 1, false", "1e-3, 86400, false"})
  void chihayaValidConfigurations(String probability, String max, String modifyMin) {
    IntervalVariation variation = configure(probability, max, modifyMin);

    assertEquals(Float.parseFloat(probability), variation.probability());
    assertEquals(Integer.parseInt(max), variation.maxIncreaseDelta());
  }

  /** Chihaya's config vectors: probability 0 and 1.1 are rejected with its text. */
  @ParameterizedTest
  @CsvSource({"0.0", "1.1", "-0.5", "abc", "1e-50", "''"})
  void chihayaInvalidProbability(String probability) {
    String message = configError(probability, "60", "true");

    assertEquals(
        PREFIX
            + "modify_response_probability: invalid modify_response_probability: '"
            + probability
            + "' is not a number above 0 and at most 1",
        message);
  }

  /** Chihaya's config vectors: delta 0 and -10 are rejected with its text. */
  @ParameterizedTest
  @CsvSource({"0", "-10", "1.5", "86401", "60s"})
  void chihayaInvalidMaxIncreaseDelta(String max) {
    String message = configError("0.5", max, "true");

    assertEquals(
        PREFIX
            + "max_increase_delta: invalid max_increase_delta: '"
            + max
            + "' is not a whole number of seconds from 1 to 86400",
        message);
  }

  @Test
  void missingAndUnknownOptionsAreErrors() {
    Map<String, String> noProbability = Map.of(PREFIX + "max_increase_delta", "60");
    assertEquals(
        PREFIX
            + "modify_response_probability: invalid modify_response_probability: missing; write"
            + " a number above 0 and at most 1",
        assertThrows(ConfigException.class, () -> IntervalVariation.from(options(noProbability)))
            .getMessage());

    Map<String, String> noDelta = Map.of(PREFIX + "modify_response_probability", "0.5");
    assertTrue(
        assertThrows(ConfigException.class, () -> IntervalVariation.from(options(noDelta)))
            .getMessage()
            .startsWith(PREFIX + "max_increase_delta: invalid max_increase_delta: missing"));

    Map<String, String> typo = new HashMap<>(noProbability);
    typo.put(PREFIX + "modify_response_probability", "0.5");
    typo.put(PREFIX + "modify_min_intervals", "true");
    assertTrue(
        assertThrows(ConfigException.class, () -> IntervalVariation.from(options(typo)))
            .getMessage()
            .startsWith(
                PREFIX
                    + "modify_min_intervals: unknown key; did you mean "
                    + PREFIX
                    + "modify_min_interval?"));
  }

  @Test
  void modifyMinIntervalDefaultsToFalseAndMustBeABoolean() {
    Map<String, String> values = new HashMap<>();
    values.put(PREFIX + "modify_response_probability", "0.5");
    values.put(PREFIX + "max_increase_delta", "60");
    assertEquals(false, IntervalVariation.from(options(values)).modifyMinInterval());

    values.put(PREFIX + "modify_min_interval", "yes");
    assertTrue(
        assertThrows(ConfigException.class, () -> IntervalVariation.from(options(values)))
            .getMessage()
            .startsWith(PREFIX + "modify_min_interval: 'yes' is not a boolean"));
  }

  /** Chihaya's xorshift_test.go: Intn(10) stays within [0, 10) over 10 000 draws. */
  @Test
  void chihayaIntnStaysInRange() {
    long s0 = 0x0123456789abcdefL;
    long s1 = 0xfedcba9876543210L;
    for (int i = 0; i < 10_000; i++) {
      long k = Xorshift128Plus.intn(Xorshift128Plus.output(s0, s1), 10);
      assertTrue(k >= 0 && k < 10, "draw " + i + ": " + k);
      long next = Xorshift128Plus.nextS1(s0, s1);
      s0 = s1;
      s1 = next;
    }
  }

  private static IntervalVariation configure(String probability, String max, String modifyMin) {
    return IntervalVariation.from(options(probability, max, modifyMin));
  }

  private static IntervalVariationHook hook(String probability, String max, String modifyMin) {
    IntervalVariationHook hook = new IntervalVariationHook();
    hook.configure(options(probability, max, modifyMin));
    return hook;
  }

  private static String configError(String probability, String max, String modifyMin) {
    return assertThrows(ConfigException.class, () -> configure(probability, max, modifyMin))
        .getMessage();
  }

  private static Options options(String probability, String max, String modifyMin) {
    return options(
        Map.of(
            PREFIX + "modify_response_probability", probability,
            PREFIX + "max_increase_delta", max,
            PREFIX + "modify_min_interval", modifyMin));
  }

  private static Options options(Map<String, String> values) {
    return Options.of(ConfigLookup.of(values), PREFIX);
  }

  private static int max(String max) {
    return Integer.parseInt(max);
  }

  private static PeerId peerId(String text) {
    return PeerId.of(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static AnnounceRequest announce(InfoHash ih, PeerId pid) {
    Peer peer = new Peer(pid, IpAddress.parse("10.11.12.1"), 1234);
    return new AnnounceRequest(
        ih, peer, Event.NONE, 0, 0, 1, 50, false, true, false, Params.empty());
  }

  private static AnnounceContext run(
      IntervalVariationHook hook,
      InfoHash ih,
      PeerId pid,
      Duration interval,
      Duration minInterval) {
    AnnounceContext context =
        new AnnounceContext(announce(ih, pid), AnnounceResponse.initial(interval, minInterval));
    hook.handleAnnounce(context);
    return context;
  }

  /**
   * Chihaya's algorithm written the slow, obvious way: unsigned 64-bit words as {@link BigInteger}
   * modulo 2^64, Go's int64 conversion and negation (with its overflow) and truncating remainder
   * spelled out. Shares no code with the hook.
   */
  static final class GoReference {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger TWO_63 = BigInteger.ONE.shiftLeft(63);

    static long delta(byte[] ih, byte[] pid, float probability, int max) {
      BigInteger[] state = {seed(ih), seed(pid)};
      BigInteger v = step(state);
      long k = intn(v, 1 << 24);
      float p = (float) k / 16777216f;
      if (probability == 1f || p < probability) {
        return intn(step(state), max) + 1;
      }
      return 0;
    }

    static long secondOutput(byte[] ih, byte[] pid) {
      BigInteger[] state = {seed(ih), seed(pid)};
      step(state);
      return step(state).longValue();
    }

    private static BigInteger seed(byte[] id) {
      BigInteger first = new BigInteger(1, Arrays.copyOfRange(id, 0, 8));
      BigInteger second = new BigInteger(1, Arrays.copyOfRange(id, 8, 16));
      return first.add(second).mod(TWO_64);
    }

    /** One xorshift128+ step on {@code state}; returns the output. */
    private static BigInteger step(BigInteger[] state) {
      BigInteger s0 = state[0];
      BigInteger s1 = state[1];
      BigInteger v = s0.add(s1).mod(TWO_64);
      BigInteger newS0 = s1;
      s0 = s0.xor(s0.shiftLeft(23).mod(TWO_64));
      BigInteger newS1 = s0.xor(s1).xor(s0.shiftRight(18)).xor(s1.shiftRight(5));
      state[0] = newS0;
      state[1] = newS1;
      return v;
    }

    /** Go: {@code k := int(v); if k < 0 { k = -k }; return k % n}. */
    private static long intn(BigInteger v, long n) {
      BigInteger k = v.compareTo(TWO_63) >= 0 ? v.subtract(TWO_64) : v; // int64(v)
      if (k.signum() < 0) {
        k = k.negate();
        if (k.equals(TWO_63)) {
          k = TWO_63.negate(); // -MinInt64 overflows back to MinInt64 in Go
        }
      }
      BigInteger remainder = k.abs().mod(BigInteger.valueOf(n));
      return (k.signum() < 0 ? remainder.negate() : remainder).longValueExact(); // Go's % sign
    }
  }
}
