package io.karuta.config;

import io.karuta.bittorrent.IpAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * An address a frontend binds, as an operator writes it: {@code host:port}, {@code [v6]:port}, or
 * {@code :port} (Go's form, which chihaya files use) for every interface, IPv4 and IPv6 alike. The
 * one parser of {@code udp.addr}: validation and the listener both use it, so a value that passes
 * validation also binds.
 *
 * @param host an IPv4 or IPv6 literal (without brackets) or a host name; {@code ::} for every
 *     interface
 * @param port 0 to 65535; 0 asks the kernel for a free port
 */
public record ListenAddress(String host, int port) {
  private static final String EVERY_INTERFACE = "::";
  private static final String FORMS =
      "allowed: \"\" (off), or host:port such as [::]:6969, 0.0.0.0:6969, :6969 (every interface)"
          + " or localhost:6969";

  /** Checks the host and the port. */
  public ListenAddress {
    Objects.requireNonNull(host, "host");
    if (host.isEmpty() || port < 0 || port > 0xFFFF) {
      throw new IllegalArgumentException("a host and a port 0-65535 are required");
    }
  }

  /**
   * Parses {@code text}, trimmed.
   *
   * @param key the full key, for error messages, such as {@code karuta.udp.addr}
   * @return empty for {@code ""} (the frontend is off), else the address
   * @throws ConfigException naming {@code key} and the allowed forms when {@code text} is none of
   *     them
   */
  public static Optional<ListenAddress> parse(String key, String text) {
    String trimmed = text.trim();
    if (trimmed.isEmpty()) {
      return Optional.empty();
    }
    int colon = trimmed.lastIndexOf(':');
    if (colon < 0) {
      throw invalid(key, trimmed);
    }
    String host = trimmed.substring(0, colon);
    int port = port(trimmed.substring(colon + 1));
    if (port < 0) {
      throw invalid(key, trimmed);
    }
    if (host.isEmpty()) {
      return Optional.of(new ListenAddress(EVERY_INTERFACE, port));
    }
    if (host.startsWith("[") && host.endsWith("]") && host.length() > 2) {
      String literal = host.substring(1, host.length() - 1);
      if (literal.indexOf(':') < 0 || !isLiteral(literal)) {
        throw invalid(key, trimmed);
      }
      return Optional.of(new ListenAddress(literal, port));
    }
    boolean numeric = host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    if (numeric ? !isLiteral(host) : !isHostName(host)) {
      throw invalid(key, trimmed);
    }
    return Optional.of(new ListenAddress(host, port));
  }

  /**
   * Returns the socket address to bind: a literal as it is, a host name resolved now.
   *
   * @param key the full key, for the error message
   * @throws ConfigException naming {@code key} when the host name does not resolve
   */
  public InetSocketAddress toSocketAddress(String key) {
    if (isLiteral(host)) {
      return new InetSocketAddress(IpAddress.parse(host).toInetAddress(), port);
    }
    InetSocketAddress resolved = new InetSocketAddress(host, port);
    if (resolved.isUnresolved()) {
      throw new ConfigException(key + ": cannot resolve '" + host + "'");
    }
    return resolved;
  }

  /** Returns {@code host:port}, with an IPv6 literal in brackets. */
  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  // -1 unless one to five decimal digits worth at most 65535.
  private static int port(String digits) {
    if (digits.isEmpty() || digits.length() > 5) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value <= 0xFFFF ? value : -1;
  }

  private static boolean isLiteral(String host) {
    try {
      IpAddress.parse(host);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  // DNS labels of letters, digits and '-', separated by dots; '_' for container service names.
  private static boolean isHostName(String host) {
    if (host.length() > 253 || host.startsWith(".") || host.endsWith(".")) {
      return false;
    }
    boolean lastWasDot = false;
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      boolean dot = c == '.';
      boolean allowed =
          dot
              || c == '-'
              || c == '_'
              || (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9');
      if (!allowed || (dot && lastWasDot)) {
        return false;
      }
      lastWasDot = dot;
    }
    return true;
  }

  private static ConfigException invalid(String key, String text) {
    return new ConfigException(key + ": '" + text + "' is not host:port (" + FORMS + ")");
  }
}
