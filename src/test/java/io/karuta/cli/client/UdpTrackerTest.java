package io.karuta.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.karuta.bittorrent.Event;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.PeerId;
import io.karuta.bittorrent.Scrape;
import io.karuta.bittorrent.ScrapeResponse;
import io.karuta.frontend.udp.UdpCodec;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retries, transaction IDs and timeouts against a scripted responder on loopback. */
class UdpTrackerTest {
  private static final InfoHash HASH = InfoHash.fromHex("0102030405060708090a0b0c0d0e0f1011121314");
  private static final ClientSettings FAST = new ClientSettings(Duration.ofMillis(200), 2);

  private Responder responder;

  @AfterEach
  void stop() {
    if (responder != null) {
      responder.socket.close();
    }
  }

  @Test
  void aLostRequestIsSentAgainAndCountsAsOneExchange() throws Exception {
    // Request n (0-based) gets the replies the script returns; the first connect gets none.
    responder =
        new Responder((n, request) -> n == 0 ? List.of() : List.of(reply(request, n == 1 ? 0 : 2)));

    try (UdpTracker tracker = tracker(FAST)) {
      List<Scrape> files = tracker.scrape(List.of(HASH));

      assertEquals(List.of(new Scrape(HASH, 1, 2, 3)), files);
      assertEquals(2, tracker.requests(), "a connect and a scrape");
    }
    assertEquals(3, responder.count(), "the connect was sent twice");
  }

  @Test
  void aReplyWithAnotherTransactionIdIsIgnored() throws Exception {
    responder =
        new Responder(
            (n, request) -> {
              byte[] right = reply(request, n == 0 ? 0 : 2);
              byte[] stale = right.clone();
              stale[7] ^= 1;
              return List.of(stale, right);
            });

    try (UdpTracker tracker = tracker(FAST)) {
      assertEquals(List.of(new Scrape(HASH, 1, 2, 3)), tracker.scrape(List.of(HASH)));
    }
  }

  @Test
  void silenceEndsAfterTheLastAttemptWithAClearLine() throws Exception {
    responder =
        new Responder(
            (n, request) -> {
              byte[] stale = reply(request, 0);
              stale[7] ^= 1;
              return List.of(stale);
            });

    try (UdpTracker tracker = tracker(FAST)) {
      TrackerException e =
          assertThrows(TrackerException.class, () -> tracker.scrape(List.of(HASH)));

      assertEquals(TrackerException.Kind.UNREACHABLE, e.kind());
      assertEquals(
          "no reply after 2 attempts of 200 ms; 2 replies carried another transaction ID",
          e.getMessage());
    }
  }

  @Test
  void anErrorPacketCarriesTheTrackersText() throws Exception {
    responder =
        new Responder(
            (n, request) -> {
              if (n == 0) {
                return List.of(reply(request, 0));
              }
              ByteBuffer out = ByteBuffer.allocate(64);
              UdpCodec.writeError(out, ByteBuffer.wrap(request).getInt(12), "unapproved client");
              byte[] error = new byte[out.remaining()];
              out.get(error);
              return List.of(error);
            });

    try (UdpTracker tracker = tracker(FAST)) {
      AnnounceQuery query =
          new AnnounceQuery(
              HASH,
              PeerId.of("-XX0001-abcdefghijkl".getBytes(StandardCharsets.US_ASCII)),
              6881,
              0,
              0,
              0,
              Event.STARTED,
              50,
              0,
              true);
      TrackerException e = assertThrows(TrackerException.class, () -> tracker.announce(query));

      assertEquals("tracker failure: unapproved client", e.getMessage());
    }
  }

  @Test
  void aClosedPortIsConnectionRefused() throws Exception {
    int port;
    try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    try (UdpTracker tracker =
        new UdpTracker(URI.create("udp://127.0.0.1:" + port), FAST, new Random(1))) {
      TrackerException e =
          assertThrows(TrackerException.class, () -> tracker.scrape(List.of(HASH)));

      assertEquals("connection refused (port unreachable)", e.getMessage());
    }
  }

  private UdpTracker tracker(ClientSettings settings) {
    return new UdpTracker(
        URI.create("udp://127.0.0.1:" + responder.socket.getLocalPort() + "/announce"),
        settings,
        new Random(1));
  }

  /** A connect reply (action 0) or a scrape reply (action 2) of 1, 3, 2 to {@code request}. */
  private static byte[] reply(byte[] request, int action) {
    int transactionId = ByteBuffer.wrap(request).getInt(12);
    ByteBuffer out = ByteBuffer.allocate(64);
    if (action == 0) {
      UdpCodec.writeConnect(out, transactionId, 42);
    } else {
      UdpCodec.writeScrape(
          out, transactionId, new ScrapeResponse(List.of(new Scrape(HASH, 1, 2, 3))));
    }
    byte[] bytes = new byte[out.remaining()];
    out.get(bytes);
    return bytes;
  }

  /** Answers each datagram with the replies the script gives, on a daemon thread. */
  private static final class Responder {
    final DatagramSocket socket;
    final List<byte[]> received = new ArrayList<>();

    Responder(BiFunction<Integer, byte[], List<byte[]>> script) throws SocketException {
      socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      socket.setSoTimeout(10_000);
      Thread thread =
          new Thread(
              () -> {
                byte[] buffer = new byte[2048];
                try {
                  while (true) {
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    socket.receive(packet);
                    byte[] request = Arrays.copyOf(buffer, packet.getLength());
                    int n;
                    synchronized (received) {
                      n = received.size();
                      received.add(request);
                    }
                    for (byte[] reply : script.apply(n, request)) {
                      socket.send(
                          new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
                    }
                  }
                } catch (IOException closed) {
                  // The test is over.
                }
              },
              "udp responder");
      thread.setDaemon(true);
      thread.start();
    }

    int count() {
      synchronized (received) {
        return received.size();
      }
    }
  }
}
