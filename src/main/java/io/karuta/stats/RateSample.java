package io.karuta.stats;

import java.time.Instant;
import java.util.Objects;

/**
 * Requests per second over one sample interval, by protocol and action, in the order of {@link
 * StatsSampler#RATE_KEYS}.
 *
 * @param at the end of the interval
 * @param perSecond the rates; never modified after construction
 */
public record RateSample(Instant at, double[] perSecond) {
  /** Checks for nulls and copies the rates. */
  public RateSample {
    Objects.requireNonNull(at, "at");
    perSecond = perSecond.clone();
  }

  /** Returns the rate of key {@code index}. */
  public double rate(int index) {
    return perSecond[index];
  }
}
