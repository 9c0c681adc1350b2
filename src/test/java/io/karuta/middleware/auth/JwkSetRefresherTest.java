package io.karuta.middleware.auth;

import static io.karuta.middleware.auth.Tokens.RSA;
import static io.karuta.middleware.auth.Tokens.RSA_ROTATED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.testing.LogCapture;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The background refresh on a real scheduler against a local JWK set server, with intervals of a
 * tenth of a second: a rotated set replaces the old one, a failed refresh keeps the keys and warns
 * once, retries back off, and {@code stop} ends the fetches.
 */
class JwkSetRefresherTest {
  private static final Duration INTERVAL = Duration.ofMillis(100);
  private static final String NAME = "jwt hook karuta.prehooks[0]";

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private JwksServer jwks;
  private JwkSetRefresher refresher;

  @BeforeEach
  void serve() throws IOException {
    jwks = new JwksServer().serve(List.of(RSA));
  }

  @AfterEach
  void stop() {
    if (refresher != null) {
      refresher.stop();
    }
    scheduler.shutdownNow();
    jwks.close();
  }

  @Test
  void aRefreshPicksUpARotatedKeySet() {
    refresher = start(jwks.url());
    assertEquals(Set.of("rsa-1"), refresher.keys().kids(), "fetched during start");

    jwks.serve(List.of(RSA_ROTATED));

    await(() -> refresher.keys().kids().equals(Set.of("rsa-2")));
  }

  @Test
  void aFailedRefreshKeepsTheKeysAndWarnsOnce() {
    try (LogCapture logs = LogCapture.ofFine(JwkSetRefresher.class)) {
      refresher = start(jwks.url());
      JwtKeys fetched = refresher.keys();

      jwks.serve(500, "oops");
      int before = jwks.requests();
      await(() -> jwks.requests() >= before + 4);
      assertEquals(fetched, refresher.keys(), "the very same keys");
      jwks.serve(200, "{\"keys\":[]}");
      await(() -> jwks.requests() >= before + 7);
      jwks.serve(200, "<html>not json</html>");
      await(() -> jwks.requests() >= before + 10);
      assertEquals(fetched, refresher.keys());

      List<String> warnings = logs.messages(Level.WARNING);
      assertEquals(1, warnings.size(), warnings.toString());
      assertTrue(
          warnings.get(0).startsWith(NAME + ": cannot fetch the JWK set from " + jwks.url()),
          warnings.get(0));
      assertTrue(warnings.get(0).contains("HTTP status 500"), warnings.get(0));
      assertTrue(warnings.get(0).contains("keeping the 1 keys fetched before"), warnings.get(0));

      jwks.serve(List.of(RSA_ROTATED));
      await(() -> refresher.keys().kids().equals(Set.of("rsa-2")));
      assertTrue(
          logs.messages(Level.INFO).stream().anyMatch(m -> m.contains("fetched again after")),
          logs.messages(Level.INFO).toString());
    }
  }

  @Test
  void withoutKeysTheRetriesBackOffUpToTheMaximum() throws IOException {
    URI closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/jwks.json");
    }
    try (LogCapture logs = LogCapture.ofFine(JwkSetRefresher.class)) {
      refresher = start(closed, Duration.ofMillis(20), Duration.ofMillis(80), Duration.ofHours(1));
      await(() -> logs.messages(Level.FINE).size() >= 4);
      refresher.stop();

      assertEquals(JwtKeys.EMPTY, refresher.keys());
      String warning = logs.messages(Level.WARNING).get(0);
      assertTrue(warning.contains("no keys yet, so every token is rejected"), warning);
      assertTrue(warning.endsWith("next attempt in 20 ms"), warning);
      List<String> retries = logs.messages(Level.FINE);
      assertTrue(retries.get(0).endsWith("next attempt in 40 ms"), retries.get(0));
      assertTrue(retries.get(1).endsWith("next attempt in 80 ms"), retries.get(1));
      assertTrue(retries.get(2).endsWith("next attempt in 80 ms"), retries.get(2));
    }
  }

  @Test
  void retriesNeverWaitLongerThanTheInterval() throws IOException {
    try (LogCapture logs = LogCapture.ofFine(JwkSetRefresher.class)) {
      jwks.serve(503, "");
      refresher = start(jwks.url(), Duration.ofSeconds(1), Duration.ofSeconds(30), INTERVAL);

      assertTrue(logs.messages(Level.WARNING).get(0).endsWith("next attempt in 100 ms"));
    }
  }

  @Test
  void stopEndsTheFetches() throws InterruptedException {
    refresher = start(jwks.url());
    await(() -> jwks.requests() >= 3);

    refresher.stop();
    Thread.sleep(150); // a fetch under way finishes, and schedules nothing
    int after = jwks.requests();
    Thread.sleep(5 * INTERVAL.toMillis());

    assertEquals(after, jwks.requests());
  }

  private JwkSetRefresher start(URI url) {
    return start(url, Duration.ofMillis(50), INTERVAL, INTERVAL);
  }

  private JwkSetRefresher start(
      URI url, Duration firstRetry, Duration maxRetry, Duration interval) {
    JwkSetRefresher started =
        new JwkSetRefresher(
            NAME,
            url.toString(),
            new JwkSetClient(url, Duration.ofSeconds(2), Duration.ofSeconds(2), 1 << 16),
            interval,
            firstRetry,
            maxRetry,
            scheduler);
    started.start();
    return started;
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "condition not met within 10 s");
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
