package io.karuta.net;

import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.IpNetwork;
import io.karuta.config.HttpConfig;

/**
 * Finds the client's address: the connection's, or, behind a trusted reverse proxy, the one its
 * {@code http.real_ip_header} names.
 *
 * <p>The header is believed only when the connection comes from one of {@code
 * http.trusted_proxies}; from anyone else it is ignored, so a direct client cannot choose its
 * address. A chain such as {@code X-Forwarded-For: client, proxy1, proxy2} is read from the right:
 * the right-most entry that is not a trusted proxy is the client, so entries a client put in front
 * of the chain are never reached; when every entry is a trusted proxy, the left-most one is the
 * client. Entries may carry a port ({@code 1.2.3.4:5678}, {@code [2001:db8::1]:443}), brackets,
 * surrounding spaces or a zone ({@code fe80::1%eth0}, dropped); empty entries are skipped. An entry
 * that must be read and is not an IP literal fails with {@link #UNPARSABLE_IP}.
 *
 * <p>The caller checks {@link #believesHeaderFrom(IpAddress)} before reading the header, so a
 * request pays for headers only when they count:
 *
 * <pre>{@code
 * IpAddress remote = ClientAddressResolver.parseRemote(request.getRemoteAddr());
 * IpAddress client = resolver.believesHeaderFrom(remote)
 *     ? resolver.resolve(remote, joinedHeaderLines(request, resolver.headerName()))
 *     : remote;
 * }</pre>
 *
 * <p>Never does a name lookup. Immutable and thread-safe.
 */
public final class ClientAddressResolver {
  /** A client address that is not an IP literal: from a proxy header, or the socket's. */
  public static final ClientError UNPARSABLE_IP =
      new ClientError("failed to parse peer IP address");

  private final String headerName;
  private final IpNetwork[] trustedProxies;

  /** Takes {@code realIpHeader} and {@code trustedProxies} from the HTTP settings. */
  public ClientAddressResolver(HttpConfig config) {
    headerName = config.realIpHeader();
    trustedProxies = config.trustedProxies().toArray(new IpNetwork[0]);
  }

  /**
   * Parses the connection's address as a servlet container reports it: {@code 1.2.3.4}, {@code
   * 0:0:0:0:0:0:0:1}, {@code ::1}, {@code [::1]}, with or without a zone ({@code fe80::1%eth0},
   * {@code fe80::1%2}). A v4-mapped address ({@code ::ffff:1.2.3.4}) becomes IPv4.
   *
   * @throws io.karuta.bittorrent.ClientError {@link #UNPARSABLE_IP} for anything else, {@code null}
   *     included
   */
  public static IpAddress parseRemote(String servletRemoteAddr) {
    if (servletRemoteAddr == null) {
      throw UNPARSABLE_IP;
    }
    return parseEntry(servletRemoteAddr, 0, servletRemoteAddr.length(), false);
  }

  /** Returns the name of the header that carries the client's address, or {@code ""} for none. */
  public String headerName() {
    return headerName;
  }

  /**
   * Returns whether the header is configured and {@code remote}, the connection's address, is a
   * trusted proxy whose header is believed. Allocates nothing.
   */
  public boolean believesHeaderFrom(IpAddress remote) {
    return !headerName.isEmpty() && trusted(remote);
  }

  /**
   * Returns the client's address.
   *
   * @param remote the connection's address
   * @param headerValue every line of the {@link #headerName()} header joined with {@code ","}, or
   *     {@code null} when the request has none
   * @return {@code remote} when the header is not believed from it ({@link
   *     #believesHeaderFrom(IpAddress)}), absent or blank; otherwise the client the chain names
   * @throws io.karuta.bittorrent.ClientError {@link #UNPARSABLE_IP} when an entry that must be read
   *     is not an address
   */
  public IpAddress resolve(IpAddress remote, String headerValue) {
    if (headerValue == null || !believesHeaderFrom(remote)) {
      return remote;
    }
    IpAddress entry = null;
    int end = headerValue.length();
    while (end >= 0) {
      int comma = headerValue.lastIndexOf(',', end - 1);
      if (!blank(headerValue, comma + 1, end)) {
        entry = parseEntry(headerValue, comma + 1, end, true);
        if (!trusted(entry)) {
          return entry;
        }
      }
      end = comma;
    }
    // Every entry is a trusted proxy, so the left-most one, now in entry, is the client.
    return entry == null ? remote : entry;
  }

  private boolean trusted(IpAddress address) {
    for (IpNetwork network : trustedProxies) {
      if (network.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Parses {@code text[from, to)}: spaces around, then an address with optional brackets and zone,
   * then, if {@code portAllowed}, an optional {@code :port} (after brackets for IPv6).
   */
  private static IpAddress parseEntry(String text, int from, int to, boolean portAllowed) {
    while (from < to && isSpace(text.charAt(from))) {
      from++;
    }
    while (to > from && isSpace(text.charAt(to - 1))) {
      to--;
    }
    int hostFrom = from;
    int hostTo = to;
    int portFrom = -1;
    if (from < to && text.charAt(from) == '[') {
      int close = text.indexOf(']', from);
      if (close < 0 || close >= to) {
        throw UNPARSABLE_IP;
      }
      hostFrom = from + 1;
      hostTo = close;
      if (close + 1 < to) {
        if (text.charAt(close + 1) != ':') {
          throw UNPARSABLE_IP;
        }
        portFrom = close + 2;
      }
    } else {
      int colon = text.indexOf(':', from);
      if (colon >= 0 && colon < to && text.lastIndexOf(':', to - 1) == colon) {
        // One colon: IPv4 with a port. Two or more: a bare IPv6 address, which cannot carry one.
        hostTo = colon;
        portFrom = colon + 1;
      }
    }
    if (portFrom >= 0 && (!portAllowed || !isPort(text, portFrom, to))) {
      throw UNPARSABLE_IP;
    }
    int percent = text.indexOf('%', hostFrom);
    if (percent >= 0 && percent < hostTo) {
      // Only an IPv6 address has a zone, and a zone has a name.
      int colon = text.indexOf(':', hostFrom);
      if (colon < 0 || colon > percent || percent + 1 == hostTo) {
        throw UNPARSABLE_IP;
      }
      hostTo = percent;
    }
    try {
      return IpAddress.parse(text.substring(hostFrom, hostTo));
    } catch (IllegalArgumentException e) {
      throw UNPARSABLE_IP;
    }
  }

  private static boolean isPort(String text, int from, int to) {
    if (to - from < 1 || to - from > 5) {
      return false;
    }
    int port = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      port = port * 10 + (c - '0');
    }
    return port <= 0xFFFF;
  }

  private static boolean blank(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isSpace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }
}
