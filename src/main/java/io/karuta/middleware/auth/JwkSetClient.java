package io.karuta.middleware.auth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;

/**
 * Fetches a JWK set over HTTP(S) with bounded cost: a connect timeout, a read timeout per read, a
 * deadline for the whole body and a size cap. HTTPS is checked against the JVM's trust store;
 * redirects within the same scheme are followed. Thread-safe (it holds no state between fetches).
 */
final class JwkSetClient {
  /** The production limits. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
  static final int MAX_BYTES = 1 << 20;

  private final URI url;
  private final int connectMillis;
  private final int readMillis;
  private final int maxBytes;

  JwkSetClient(URI url, Duration connectTimeout, Duration readTimeout, int maxBytes) {
    this.url = url;
    this.connectMillis = Math.toIntExact(connectTimeout.toMillis());
    this.readMillis = Math.toIntExact(readTimeout.toMillis());
    this.maxBytes = maxBytes;
  }

  /** Returns a client with the production limits. */
  static JwkSetClient of(URI url) {
    return new JwkSetClient(url, CONNECT_TIMEOUT, READ_TIMEOUT, MAX_BYTES);
  }

  /**
   * Fetches and parses the JWK set.
   *
   * @throws IOException when the server cannot be reached, answers other than 200, is too slow,
   *     sends too much, or sends something that is not a JWK set with a usable key; the message
   *     says which, without the response body
   */
  JwtKeys fetch() throws IOException {
    HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
    try {
      connection.setConnectTimeout(connectMillis);
      connection.setReadTimeout(readMillis);
      connection.setUseCaches(false);
      connection.setRequestProperty("Accept", "application/jwk-set+json, application/json");
      int status = connection.getResponseCode();
      if (status != HttpURLConnection.HTTP_OK) {
        throw new IOException("HTTP status " + status);
      }
      if (connection.getContentLengthLong() > maxBytes) {
        throw new IOException("larger than " + maxBytes + " bytes");
      }
      String json;
      try (InputStream in = connection.getInputStream()) {
        json = readCapped(in);
      }
      try {
        return JwtKeys.parse(json);
      } catch (ParseException e) {
        throw new IOException("not a JWK set: " + e.getMessage(), e);
      }
    } finally {
      connection.disconnect();
    }
  }

  private String readCapped(InputStream in) throws IOException {
    // Each read waits at most the read timeout; the deadline bounds a server sending a byte at a
    // time.
    long deadline = System.nanoTime() + 2L * readMillis * 1_000_000L;
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      body.write(buffer, 0, n);
      if (body.size() > maxBytes) {
        throw new IOException("larger than " + maxBytes + " bytes");
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IOException("body took longer than " + 2L * readMillis + " ms");
      }
    }
    return body.toString(StandardCharsets.UTF_8);
  }
}
