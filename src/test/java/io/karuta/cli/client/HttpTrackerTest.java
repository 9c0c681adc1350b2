package io.karuta.cli.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.karuta.bittorrent.Event;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.Params;
import io.karuta.bittorrent.PeerId;
import io.karuta.bittorrent.QueryParser;
import io.karuta.bittorrent.bencode.Bencode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP client against the JDK's HTTP server on loopback. */
class HttpTrackerTest {
  private static final ClientSettings FAST = new ClientSettings(Duration.ofMillis(300), 1);
  private static final byte[] BINARY = {
    0, '+', '%', ' ', '&', (byte) 0xFF, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
  };

  private HttpServer server;
  private final AtomicReference<String> lastQuery = new AtomicReference<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    // The slow handler must not hold the dispatcher, or stop() would wait for it.
    server.setExecutor(
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "http handler");
              thread.setDaemon(true);
              return thread;
            }));
    server.createContext(
        "/announce",
        exchange -> {
          lastQuery.set(exchange.getRequestURI().getRawQuery());
          reply(exchange, 200, Bencode.encode(Map.of("interval", 60, "peers", new byte[0])));
        });
    server.createContext(
        "/moved/announce",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "/announce");
          reply(exchange, 302, new byte[0]);
        });
    server.createContext(
        "/slow/announce",
        exchange -> {
          sleep(1_500);
          reply(exchange, 200, new byte[0]);
        });
    server.createContext(
        "/huge/announce",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            byte[] chunk = new byte[64 * 1024];
            for (int i = 0; i < 80; i++) {
              out.write(chunk);
            }
          } catch (IOException closedByTheClient) {
            // Expected: the client stops reading after 4 MiB.
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void binaryIdsArriveByteExact() throws TrackerException {
    try (HttpTracker tracker = tracker("/announce")) {
      tracker.announce(query());

      Params params = QueryParser.parseQuery("/announce", lastQuery.get());
      assertEquals(List.of(InfoHash.of(BINARY)), params.infoHashes());
      assertArrayEquals(BINARY, params.bytes("peer_id"));
      assertEquals(1, tracker.requests());
    }
  }

  @Test
  void aRedirectIsNotFollowed() {
    assertEquals("not a tracker reply (HTTP 302)", failure("/moved/announce").getMessage());
  }

  @Test
  void aSlowTrackerTimesOut() {
    TrackerException e = failure("/slow/announce");

    assertEquals(TrackerException.Kind.UNREACHABLE, e.kind());
    assertEquals("no reply within 300 ms", e.getMessage());
  }

  @Test
  void anEndlessBodyIsCutAtFourMebibytes() {
    assertEquals(
        "not a tracker reply (a reply larger than 4 MiB)", failure("/huge/announce").getMessage());
  }

  @Test
  void aClosedPortIsConnectionRefused() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    try (HttpTracker tracker =
        new HttpTracker(URI.create("http://127.0.0.1:" + port + "/announce"), FAST)) {
      TrackerException e = assertThrows(TrackerException.class, () -> tracker.announce(query()));

      assertEquals("connection refused", e.getMessage());
    }
  }

  @Test
  void aUrlWithoutAnnounceHasNoScrape() {
    try (HttpTracker tracker = tracker("/tracker")) {
      TrackerException e =
          assertThrows(TrackerException.class, () -> tracker.scrape(List.of(InfoHash.of(BINARY))));

      assertEquals(TrackerException.Kind.UNSUPPORTED, e.kind());
      assertEquals(0, tracker.requests());
    }
  }

  private TrackerException failure(String path) {
    try (HttpTracker tracker = tracker(path)) {
      return assertThrows(TrackerException.class, () -> tracker.announce(query()));
    }
  }

  private HttpTracker tracker(String path) {
    return new HttpTracker(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path), FAST);
  }

  private static AnnounceQuery query() {
    return new AnnounceQuery(
        InfoHash.of(BINARY), PeerId.of(BINARY), 6881, 0, 0, 0, Event.STARTED, 50, 1, true);
  }

  private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
