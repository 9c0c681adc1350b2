package io.karuta.frontend.udp;

import io.karuta.bittorrent.IpAddress;
import io.karuta.config.ConfigException;
import java.net.InetSocketAddress;

/**
 * Parses {@code udp.addr}: {@code host:port}, with IPv6 literals in brackets ({@code [::]:6969}).
 */
final class UdpAddress {
  private UdpAddress() {}

  /**
   * Returns the socket address to bind.
   *
   * @throws ConfigException naming {@code karuta.udp.addr} when the text is not {@code host:port}
   */
  static InetSocketAddress parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0) {
      throw invalid(text);
    }
    String host = text.substring(0, colon);
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw invalid(text);
    }
    if (port < 0 || port > 0xFFFF) {
      throw invalid(text);
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      return new InetSocketAddress(IpAddress.parse(host).toInetAddress(), port);
    } catch (IllegalArgumentException notALiteral) {
      // A host name such as localhost: resolved once, at start-up.
      InetSocketAddress resolved = new InetSocketAddress(host, port);
      if (resolved.isUnresolved()) {
        throw new ConfigException("karuta.udp.addr: cannot resolve '" + host + "'");
      }
      return resolved;
    }
  }

  private static ConfigException invalid(String text) {
    return new ConfigException(
        "karuta.udp.addr: '"
            + text
            + "' is not host:port (allowed: \"\" to turn UDP off, or an address such as"
            + " [::]:6969, 0.0.0.0:6969 or 127.0.0.1:6969)");
  }
}
