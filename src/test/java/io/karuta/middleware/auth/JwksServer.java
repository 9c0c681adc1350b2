package io.karuta.middleware.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JWK set endpoint on 127.0.0.1 and a free port, whose answer a test changes while it runs: the
 * body, the status and a delay before answering. Counts the requests it answers.
 */
public final class JwksServer implements AutoCloseable {
  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile String body = "{\"keys\":[]}";
  private volatile int status = 200;
  private volatile long delayMillis;

  public JwksServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/jwks.json", this::answer);
    server.start();
  }

  /** Returns the URL of the JWK set. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
  }

  /** Serves the public parts of {@code keys} with status 200. */
  public JwksServer serve(List<JWK> keys) {
    return serve(200, new JWKSet(keys).toPublicJWKSet().toString());
  }

  /** Serves {@code text} with {@code code}. */
  JwksServer serve(int code, String text) {
    status = code;
    body = text;
    return this;
  }

  /** Waits {@code millis} before each answer. */
  void delay(long millis) {
    delayMillis = millis;
  }

  /** Returns how many requests were answered so far. */
  public int requests() {
    return requests.get();
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (delayMillis > 0) {
        Thread.sleep(delayMillis);
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
      requests.incrementAndGet();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
