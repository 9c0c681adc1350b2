package io.karuta.storage.redis;

import io.karuta.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import redis.clients.jedis.HostAndPort;

/**
 * Reads the {@code url} of standalone mode, {@code redis://[[user]:password@]host:port[/db]} or
 * {@code rediss://} for TLS, into a {@link RedisTopology.Standalone}. The user and password may be
 * percent-encoded ({@code %40} for {@code @}). Errors name the key and the rule, never the URL,
 * since it may hold a password.
 */
final class RedisUrl {
  /** The highest database number accepted, in the URL and in {@code database}. */
  static final int MAX_DATABASE = 65535;

  // Letters, digits, '.', '-' and '_': what DNS labels and container service names use.
  private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._-]+");

  private RedisUrl() {}

  /**
   * Returns the server, database, login and TLS flag of {@code text}.
   *
   * @param key the full key, for error messages
   * @throws ConfigException naming {@code key} when the URL breaks a rule above
   */
  static RedisTopology.Standalone parse(String key, String text) {
    return parse(key, text, false);
  }

  /**
   * Reads chihaya's {@code redis_broker}, {@code redis://[password@]host:port[/db]}: user
   * information without a {@code :} is the password of the {@code default} user, where {@link
   * #parse} would read a user without a password. With a {@code :}, it is read as {@link #parse}
   * reads it (chihaya would send {@code user:password} as one password).
   *
   * @param key the full key, for error messages
   * @throws ConfigException naming {@code key} when the URL breaks a rule above
   */
  static RedisTopology.Standalone parseChihaya(String key, String text) {
    return parse(key, text, true);
  }

  private static RedisTopology.Standalone parse(String key, String text, boolean bareIsPassword) {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new ConfigException(key + " is not a valid URL (expected redis://host:port[/db])");
    }
    String scheme = uri.getScheme();
    if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
      throw new ConfigException(key + " must start with redis:// or rediss://");
    }
    String host = uri.getHost();
    int port = uri.getPort();
    String rawUserInfo = uri.getRawUserInfo();
    if (host == null && uri.getRawAuthority() != null) {
      // java.net.URI leaves a host name with '_' unparsed, yet Docker Compose service names often
      // have one: read user information, host and port from the authority ourselves.
      String authority = uri.getRawAuthority();
      int at = authority.lastIndexOf('@');
      String hostPort = authority.substring(at + 1);
      int colon = hostPort.lastIndexOf(':');
      if (colon > 0 && HOST_NAME.matcher(hostPort.substring(0, colon)).matches()) {
        host = hostPort.substring(0, colon);
        port = port(hostPort.substring(colon + 1));
        rawUserInfo = at < 0 ? null : authority.substring(0, at);
      }
    }
    if (host == null || port < 1 || port > 65535) {
      throw new ConfigException(key + " needs a host and a port 1-65535 (redis://host:port)");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new ConfigException(key + " takes no query or fragment");
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new RedisTopology.Standalone(
        new HostAndPort(host, port),
        database(key, uri.getPath()),
        login(key, rawUserInfo, bareIsPassword),
        "rediss".equals(scheme));
  }

  // -1 (rejected by the caller) unless one to five digits.
  private static int port(String digits) {
    return digits.matches("\\d{1,5}") ? Integer.parseInt(digits) : -1;
  }

  private static int database(String key, String path) {
    if (path == null || path.isEmpty() || path.equals("/")) {
      return 0;
    }
    if (!path.matches("/\\d{1,5}") || Integer.parseInt(path.substring(1)) > MAX_DATABASE) {
      throw new ConfigException(
          key + " may only name a database number 0-" + MAX_DATABASE + " after the port (/0)");
    }
    return Integer.parseInt(path.substring(1));
  }

  // The user part may be empty (redis://:password@host:6379): the default user, as requirepass.
  private static Login login(String key, String rawUserInfo, boolean bareIsPassword) {
    if (rawUserInfo == null) {
      return Login.NONE;
    }
    int colon = rawUserInfo.indexOf(':');
    if (colon < 0 && bareIsPassword && !rawUserInfo.isEmpty()) {
      return new Login(null, decode(rawUserInfo));
    }
    if (colon < 0 || colon == rawUserInfo.length() - 1) {
      throw new ConfigException(
          key + " names a user without a password (redis://[user]:password@host:port)");
    }
    String user = decode(rawUserInfo.substring(0, colon));
    return new Login(user.isEmpty() ? null : user, decode(rawUserInfo.substring(colon + 1)));
  }

  // URLDecoder reads '+' as a blank, which is form encoding, not URL encoding.
  private static String decode(String raw) {
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
