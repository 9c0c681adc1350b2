package io.karuta.frontend.http.ipv6host;

import io.karuta.bittorrent.IpAddress;
import java.net.InetSocketAddress;

/**
 * Puts the brackets RFC 3986 §3.2.2 requires around an IPv6 literal in a {@code Host} header value
 * that lacks them, as libtorrent 2.0.8 sends it for {@code http://[::1]:6969/announce}: {@code
 * ::1:6969} becomes {@code [::1]:6969}, and {@code ::1} becomes {@code [::1]}.
 *
 * <p>Only a value with two or more colons that does not start with {@code [} is looked at: host
 * names, IPv4 addresses, either with a port, and bracketed literals are returned as they are. The
 * value is bracketed only when it is an IPv6 literal (RFC 4291 §2.2, with an optional zone ID as
 * RFC 6874 §2 writes it after {@code %}), optionally followed by {@code :port}; anything else is
 * left for the container to judge. The brackets are the only change: no character is added, removed
 * or re-encoded otherwise.
 *
 * <p>Without brackets a value can be read two ways when its last group is decimal: {@code
 * 2001:db8::1:6969} is the address {@code 2001:db8::1:6969}, or {@code 2001:db8::1} with port 6969.
 * The last group is taken as the port only when it equals the port of the connection's local
 * address, the port the client connected to; otherwise the whole value is the address.
 *
 * <p>Never resolves a name. Stateless and thread-safe; allocates only when the value has two or
 * more colons.
 */
public final class BareIpv6Host {
  /** The local port to pass when the connection's is unknown: the whole value is the address. */
  public static final int UNKNOWN_PORT = -1;

  /** The longest IPv6 text form, {@code ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255}. */
  private static final int MAX_ADDRESS_LENGTH = 45;

  private BareIpv6Host() {}

  /**
   * Returns {@code host} with the brackets an IPv6 literal needs, or {@code host} itself (the same
   * instance) when it is left alone.
   *
   * @param host a {@code Host} header value as received, or {@code null}
   * @param localPort the port of the connection's local address, or {@link #UNKNOWN_PORT}
   */
  public static String bracket(String host, int localPort) {
    if (host == null || host.isEmpty() || host.charAt(0) == '[') {
      return host;
    }
    int lastColon = host.lastIndexOf(':');
    if (host.indexOf(':') == lastColon) {
      return host; // no colon, or one: a name or an IPv4 address, maybe with a port
    }
    boolean whole = isIpv6Literal(host, 0, host.length());
    int port = port(host, lastColon + 1);
    if (port >= 0 && (!whole || port == localPort) && isIpv6Literal(host, 0, lastColon)) {
      return "[" + host.substring(0, lastColon) + "]" + host.substring(lastColon);
    }
    return whole ? "[" + host + "]" : host;
  }

  /**
   * Returns {@link #bracket(String, int)} of {@code host} for a connection whose local address is
   * {@code localAddress} ({@code null} when unknown): the form the server-side classes, which see
   * only JDK types, are given as a {@code BiFunction}.
   */
  public static String bracket(String host, InetSocketAddress localAddress) {
    return bracket(host, localAddress == null ? UNKNOWN_PORT : localAddress.getPort());
  }

  /**
   * Runs the rule through each of its paths once, so that every class it uses is loaded now.
   *
   * <p>The installers call it while the WAR's class loader is open: the server keeps a filter or
   * parser of a deployment that failed after installing it (its undeploy hook never runs) until the
   * next deployment replaces it, and by then that class loader may be closed.
   */
  public static void preload() {
    for (String host :
        new String[] {
          "::1:6969", "2001:db8::1:6969", "::ffff:127.0.0.1:80", "fe80::1%eth0", "a:b:c"
        }) {
      bracket(host, 6969);
    }
  }

  /** Whether {@code text[from, to)} is an IPv6 address, with an optional {@code %zone}. */
  private static boolean isIpv6Literal(String text, int from, int to) {
    int percent = text.indexOf('%', from);
    int addressEnd = percent >= 0 && percent < to ? percent : to;
    int colon = text.indexOf(':', from);
    if (addressEnd - from > MAX_ADDRESS_LENGTH
        || colon < 0
        || colon >= addressEnd // an IPv4 address, which has no zone
        || (addressEnd < to && !isZoneId(text, addressEnd + 1, to))) {
      return false;
    }
    try {
      IpAddress.parse(text.substring(from, addressEnd));
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Whether {@code text[from, to)} is a zone ID: RFC 6874 §2's unreserved characters and
   * percent-encodings, so the {@code 25} of its {@code %25} delimiter is part of it.
   */
  private static boolean isZoneId(String text, int from, int to) {
    if (from == to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      boolean unreserved =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '.'
              || c == '_'
              || c == '~';
      if (!unreserved && c != '%') {
        return false;
      }
    }
    return true;
  }

  /** Returns the port written in {@code text} from {@code from} to its end, or -1 for none. */
  private static int port(String text, int from) {
    int length = text.length() - from;
    if (length < 1 || length > 5) {
      return -1;
    }
    int port = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      port = port * 10 + (c - '0');
    }
    return port <= 0xFFFF ? port : -1;
  }
}
