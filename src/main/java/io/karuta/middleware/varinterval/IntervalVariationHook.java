package io.karuta.middleware.varinterval;

import io.karuta.bittorrent.AnnounceRequest;
import io.karuta.bittorrent.AnnounceResponse;
import io.karuta.config.Options;
import io.karuta.middleware.AnnounceContext;
import io.karuta.middleware.Hook;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.time.Duration;

/**
 * The {@code interval variation} pre-hook: adds 1 to {@code max_increase_delta} seconds to the
 * {@code interval} (and, with {@code modify_min_interval}, to the {@code min interval}) of a share
 * {@code modify_response_probability} of the (info-hash, peer ID) pairs. The same pair always gets
 * the same delta, as with chihaya. Scrapes pass unchanged.
 *
 * <p>Thread-safe: the configuration is fixed after {@link #configure}, and a request allocates
 * nothing but the replaced response.
 */
@Dependent
@Named(IntervalVariationHook.NAME)
public class IntervalVariationHook implements Hook {
  /** The name operators list in the YAML, chihaya's. */
  public static final String NAME = "interval variation";

  private IntervalVariation variation;

  /**
   * Reads {@code modify_response_probability} (required, above 0 and at most 1), {@code
   * max_increase_delta} (required, whole seconds from 1 to 86400) and {@code modify_min_interval}
   * (default false).
   */
  @Override
  public void configure(Options options) {
    variation = IntervalVariation.from(options);
  }

  @Override
  public void handleAnnounce(AnnounceContext context) {
    AnnounceRequest request = context.request();
    long delta = variation.deltaSeconds(request.infoHash(), request.peer().id());
    if (delta == 0) {
      return;
    }
    AnnounceResponse response = context.response();
    Duration minInterval =
        variation.modifyMinInterval()
            ? plus(response.minInterval(), delta)
            : response.minInterval();
    context.setResponse(response.withIntervals(plus(response.interval(), delta), minInterval));
  }

  // The delta is negative only for the one seed state chihaya's Intn mishandles (see
  // Xorshift128Plus.intn); chihaya then shortens the interval, and so does Karuta, but not below 0.
  private static Duration plus(Duration interval, long seconds) {
    Duration sum = interval.plusSeconds(seconds);
    return sum.isNegative() ? Duration.ZERO : sum;
  }
}
