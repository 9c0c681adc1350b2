package io.karuta.cli.client;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/** Opens the client for a tracker URL by its scheme: {@code http}, {@code https} or {@code udp}. */
public final class Trackers {
  private Trackers() {}

  /**
   * Returns what is wrong with {@code url} as a tracker URL, or empty when it can be used: the
   * scheme must be {@code http}, {@code https} or {@code udp} with a host, and a UDP URL needs a
   * port (there is no default).
   */
  public static Optional<String> problem(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("udp")) {
      return Optional.of("a tracker URL starts with http://, https:// or udp://");
    }
    if (url.getHost() == null || url.getHost().isEmpty()) {
      return Optional.of("the tracker URL has no host");
    }
    if (scheme.equals("udp") && url.getPort() < 0) {
      return Optional.of("a udp:// URL needs a port, such as udp://tracker.example:6969");
    }
    if (scheme.equals("udp") && UdpTracker.urlData(url).length > UdpPackets.MAX_URL_DATA) {
      return Optional.of("the path and query of a udp:// URL are at most 1024 bytes");
    }
    return Optional.empty();
  }

  /**
   * Returns a client for {@code url}.
   *
   * @throws IllegalArgumentException when {@link #problem(URI)} finds one
   */
  public static Tracker open(URI url, ClientSettings settings) {
    problem(url)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(problem);
            });
    return url.getScheme().equalsIgnoreCase("udp")
        ? new UdpTracker(url, settings, new SecureRandom())
        : new HttpTracker(url, settings);
  }

  /**
   * Returns the protocol's name as verdict lines show it: {@code http}, {@code https}, {@code udp}.
   */
  public static String protocol(URI url) {
    return url.getScheme().toLowerCase(Locale.ROOT);
  }
}
