package io.karuta.middleware.varinterval;

import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.PeerId;
import io.karuta.config.ConfigException;
import io.karuta.config.Options;
import java.util.Set;

/**
 * The options of one {@code interval variation} entry and the delta they give a peer.
 *
 * @param probability {@code modify_response_probability}, in (0, 1], held as a 32-bit float as
 *     chihaya holds it, since the comparison with the drawn value must round the same way
 * @param maxIncreaseDelta {@code max_increase_delta}: the largest delta, in seconds
 * @param modifyMinInterval {@code modify_min_interval}: whether {@code min interval} grows too
 */
record IntervalVariation(float probability, int maxIncreaseDelta, boolean modifyMinInterval) {
  static final String PROBABILITY = "modify_response_probability";
  static final String MAX_DELTA = "max_increase_delta";
  static final String MODIFY_MIN_INTERVAL = "modify_min_interval";

  /** The largest {@code max_increase_delta}, the same bound as {@code announce_interval}'s. */
  static final int MAX_DELTA_LIMIT = 24 * 60 * 60;

  private static final int DRAW_BITS = 24;

  /**
   * Reads and checks the options; chihaya's error texts start each message.
   *
   * @throws ConfigException naming the full key of the bad option
   */
  static IntervalVariation from(Options options) {
    options.rejectUnknown(Set.of(PROBABILITY, MAX_DELTA, MODIFY_MIN_INTERVAL));
    return new IntervalVariation(
        probability(options), maxDelta(options), options.bool(MODIFY_MIN_INTERVAL, false));
  }

  /**
   * Returns the seconds to add to the intervals of this peer's announces of this torrent, or 0 to
   * leave them unchanged. Chihaya's algorithm (middleware/varinterval): seed s0 from the info-hash
   * and s1 from the peer ID, each the wrapping sum of their first two big-endian 64-bit words; one
   * step draws {@code p = Intn(2^24) / 2^24}; if the probability is 1 or {@code p} is below it, the
   * next step draws the delta {@code Intn(max_increase_delta) + 1}. Allocation-free.
   */
  long deltaSeconds(InfoHash infoHash, PeerId peerId) {
    long s0 = infoHash.high() + infoHash.middle();
    long s1 = peerId.high() + peerId.middle();
    long draw = Xorshift128Plus.intn(Xorshift128Plus.output(s0, s1), 1L << DRAW_BITS);
    float p = (float) draw / (1 << DRAW_BITS);
    if (probability != 1f && !(p < probability)) {
      return 0;
    }
    long nextS0 = s1;
    long nextS1 = Xorshift128Plus.nextS1(s0, s1);
    return Xorshift128Plus.intn(Xorshift128Plus.output(nextS0, nextS1), maxIncreaseDelta) + 1;
  }

  private static float probability(Options options) {
    float probability;
    try {
      // Go reads the YAML number as a float64 and stores it in a float32: the same rounding.
      probability = (float) options.decimal(PROBABILITY, 0, 0, 1);
    } catch (ConfigException e) {
      probability = 0f;
    }
    if (!(probability > 0f)) {
      throw invalid(options, PROBABILITY, "a number above 0 and at most 1");
    }
    return probability;
  }

  private static int maxDelta(Options options) {
    try {
      int seconds = options.integer(MAX_DELTA, 0, 1, MAX_DELTA_LIMIT);
      if (seconds > 0) {
        return seconds;
      }
    } catch (ConfigException e) {
      // Reported below with chihaya's text.
    }
    throw invalid(options, MAX_DELTA, "a whole number of seconds from 1 to " + MAX_DELTA_LIMIT);
  }

  /** Chihaya's text ({@code invalid <option>}) after the full key, then the value and the rule. */
  private static ConfigException invalid(Options options, String option, String allowed) {
    String problem =
        options.isSet(option)
            ? "'" + options.string(option, "") + "' is not " + allowed
            : "missing; write " + allowed;
    return new ConfigException(options.prefix() + option + ": invalid " + option + ": " + problem);
  }
}
