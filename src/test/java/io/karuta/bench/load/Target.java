package io.karuta.bench.load;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * The tracker under load: a {@code host:port} (or {@code [v6]:port}) that resolves to a loopback
 * address. Anything else is refused, so the generator can never be pointed at another machine.
 *
 * @param address the resolved loopback socket address
 * @param hostHeader the text sent in HTTP {@code Host} headers
 */
record Target(InetSocketAddress address, String hostHeader) {

  /** Whether the target is reached over IPv6, which makes compact peers 18 bytes instead of 6. */
  boolean ipv6() {
    return address.getAddress() instanceof Inet6Address;
  }

  /** Bytes per peer in a compact peer list from this target. */
  int peerStride() {
    return ipv6() ? 18 : 6;
  }

  /**
   * Parses and resolves {@code text}.
   *
   * @throws UsageException if it is not {@code host:port}, does not resolve, or is not loopback
   */
  static Target parse(String text) throws UsageException {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new UsageException("option --target: expected host:port, got '" + text + "'");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.indexOf(':') >= 0) {
      throw new UsageException("option --target: write an IPv6 address as [addr]:port");
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 1 || port > 65535) {
      throw new UsageException("option --target: port must be 1 to 65535 in '" + text + "'");
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new UsageException("option --target: cannot resolve '" + host + "'");
    }
    if (!address.isLoopbackAddress()) {
      throw new UsageException(
          "option --target: "
              + address.getHostAddress()
              + " is not a loopback address; this generator only loads 127.0.0.0/8 or ::1");
    }
    return new Target(new InetSocketAddress(address, port), text);
  }
}
