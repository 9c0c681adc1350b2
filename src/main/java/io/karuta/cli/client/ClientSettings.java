package io.karuta.cli.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a client waits and how often it tries.
 *
 * @param timeout how long one attempt waits for an answer: the TCP connect and the HTTP reply each,
 *     or one UDP datagram's reply
 * @param attempts how often a UDP request is sent before the tracker counts as unreachable, at
 *     least 1 (BEP 15's own schedule, 15·2<sup>n</sup> seconds, is far too slow for a check). HTTP
 *     sends each request once: TCP already retransmits.
 */
public record ClientSettings(Duration timeout, int attempts) {

  /** Two seconds, three attempts. */
  public static final ClientSettings DEFAULT = new ClientSettings(Duration.ofSeconds(2), 3);

  /** Checks the values. */
  public ClientSettings {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("the timeout must be positive");
    }
    if (attempts < 1) {
      throw new IllegalArgumentException("at least one attempt");
    }
  }

  /** Returns the timeout in milliseconds, at least 1. */
  int timeoutMillis() {
    return (int) Math.max(1, timeout.toMillis());
  }

  /** Returns the timeout as people read it: {@code 2 s} or {@code 500 ms}. */
  String timeoutText() {
    long millis = timeout.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
