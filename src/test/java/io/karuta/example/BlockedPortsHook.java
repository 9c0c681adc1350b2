package io.karuta.example;

import io.karuta.bittorrent.ClientError;
import io.karuta.config.ConfigException;
import io.karuta.config.Options;
import io.karuta.middleware.AnnounceContext;
import io.karuta.middleware.Hook;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A pre-hook that refuses announces from peers listening on one of the {@code ports} of its
 * options, for example ports that only malware or misconfigured clients use. Scrapes carry no port
 * and always pass.
 *
 * <p>Thread-safe: the ports are fixed by {@link #configure}, which the tracker calls once before
 * the first request, and only read afterwards. An announce costs one binary search and allocates
 * nothing.
 */
@Dependent
@Named(BlockedPortsHook.NAME)
public class BlockedPortsHook implements Hook {
  /** The name operators write in the YAML hook lists. */
  public static final String NAME = "example: blocked ports";

  /** The option listing the refused ports. */
  static final String PORTS = "ports";

  /** The rejection; fixed text, so clients, logs and metric labels never carry request data. */
  public static final ClientError PORT_NOT_ALLOWED = new ClientError("port not allowed");

  private int[] sortedPorts = new int[0];

  @Override
  public void configure(Options options) {
    options.rejectUnknown(Set.of(PORTS));
    List<String> ports = options.stringList(PORTS, List.of());
    if (ports.isEmpty()) {
      throw new ConfigException(
          options.prefix() + PORTS + ": missing (allowed: a list of ports, 1 to 65535)");
    }
    int[] parsed = new int[ports.size()];
    for (int i = 0; i < parsed.length; i++) {
      parsed[i] = port(options.prefix() + PORTS, ports.get(i));
    }
    sortedPorts = Arrays.stream(parsed).sorted().distinct().toArray();
  }

  @Override
  public void handleAnnounce(AnnounceContext context) {
    if (Arrays.binarySearch(sortedPorts, context.request().peer().port()) >= 0) {
      throw PORT_NOT_ALLOWED;
    }
  }

  private static int port(String fullKey, String text) {
    try {
      int port = Integer.parseInt(text.trim());
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // Reported below, with the value and the allowed range.
    }
    throw new ConfigException(
        fullKey + ": '" + text + "' is not a port (allowed: whole numbers 1 to 65535)");
  }
}
