package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.karuta.bittorrent.bencode.BencodeReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A minimal HTTP tracker client for tests: sends raw query strings (binary values percent-encoded
 * byte by byte) to one loopback address of the deployed tracker and decodes bencoded replies with
 * the strict reader, so every reply is also checked to be canonical.
 */
public final class TrackerClient {
  private static final HttpClient HTTP =
      // HTTP/1.1 as BitTorrent clients speak it; Java's default would ask to upgrade to HTTP/2.
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final String base;
  private final String host;
  private final int port;
  private final SocketFactory sockets;

  TrackerClient(String host) {
    this(host, Integer.getInteger("karuta.it.port", 16969));
  }

  TrackerClient(String host, int port) {
    this("http", host, port, SocketFactory.getDefault());
  }

  private TrackerClient(String scheme, String host, int port, SocketFactory sockets) {
    this.base = scheme + "://" + host + ":" + port;
    this.host = host;
    this.port = port;
    this.sockets = sockets;
  }

  /**
   * A client whose {@link #rawGet(String, String)} speaks TLS and trusts any certificate (a test
   * server's self-signed one, on loopback); its other methods do not work.
   */
  static TrackerClient overTls(String host, int port) {
    try {
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, new TrustManager[] {new TrustingEveryone()}, null);
      return new TrackerClient("https", host, port, tls.getSocketFactory());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no TLS in this JDK", e);
    }
  }

  /** The reply to one request. */
  public record Reply(int status, String contentType, byte[] body) {
    /** Decodes the body as a bencoded dictionary. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> dict() {
      return (Map<String, Object>) BencodeReader.decode(body);
    }

    /** Returns the {@code failure reason}, asserting the reply is a tracker failure. */
    public String failure() {
      assertEquals(200, status, "tracker failures are HTTP 200");
      Object reason = dict().get("failure reason");
      return reason == null ? null : new String((byte[]) reason, StandardCharsets.UTF_8);
    }

    /** Returns the text of the body. */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** Sends {@code GET <pathAndQuery>} with the given header name/value pairs. */
  public Reply get(String pathAndQuery, String... headers) {
    HttpRequest.Builder request = request(pathAndQuery);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request.GET().build(), pathAndQuery);
  }

  /**
   * Sends {@code GET <pathAndQuery>} over a plain socket, byte for byte, for requests {@link
   * java.net.URI} refuses to build (a malformed escape such as {@code %G1}).
   */
  public Reply rawGet(String pathAndQuery) {
    return rawGet(pathAndQuery, host);
  }

  /**
   * Sends {@code GET <pathAndQuery>} over a plain socket with {@code Host: <hostHeader>}, byte for
   * byte, for a header {@link java.net.http.HttpClient} would not send (such as the bare IPv6
   * {@code ::1:6969} libtorrent sends).
   */
  public Reply rawGet(String pathAndQuery, String hostHeader) {
    try (java.net.Socket socket = sockets.createSocket()) {
      socket.connect(
          new java.net.InetSocketAddress(host.replace("[", "").replace("]", ""), port), 5_000);
      socket.setSoTimeout(10_000);
      String request =
          "GET "
              + pathAndQuery
              + " HTTP/1.1\r\nHost: "
              + hostHeader
              + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      byte[] response = socket.getInputStream().readAllBytes();
      String head = new String(response, StandardCharsets.ISO_8859_1);
      int end = head.indexOf("\r\n\r\n");
      if (!head.startsWith("HTTP/1.") || end < 0) {
        throw new AssertionError("not an HTTP response to " + pathAndQuery + ": " + head);
      }
      int status = Integer.parseInt(head.substring(9, 12));
      String contentType = "";
      for (String line : head.substring(0, end).split("\r\n")) {
        if (line.regionMatches(true, 0, "Content-Type:", 0, 13)) {
          contentType = line.substring(13).trim();
        }
      }
      return new Reply(
          status, contentType, java.util.Arrays.copyOfRange(response, end + 4, response.length));
    } catch (IOException e) {
      throw new AssertionError("request failed: " + pathAndQuery, e);
    }
  }

  /** Sends {@code POST <path>} with an empty body. */
  public Reply post(String path) {
    return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build(), path);
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(10));
  }

  private static Reply send(HttpRequest request, String pathAndQuery) {
    try {
      HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new AssertionError("request failed: " + pathAndQuery, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Sends an announce built by {@code announce}. */
  public Reply announce(Announce announce, String... headers) {
    return get("/announce?" + announce.query(), headers);
  }

  /** Accepts any server certificate. */
  private static final class TrustingEveryone implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }

  /** Percent-encodes every byte, as clients do for binary values. */
  public static String escape(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length * 3);
    for (byte b : bytes) {
      out.append('%')
          .append(Character.forDigit((b >> 4) & 0xF, 16))
          .append(Character.forDigit(b & 0xF, 16));
    }
    return out.toString();
  }
}
