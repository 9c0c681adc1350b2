package io.karuta.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.karuta.bittorrent.AnnounceResponse;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.QueryParser;
import io.karuta.bittorrent.Sanitizer;
import io.karuta.bittorrent.Scrape;
import io.karuta.bittorrent.ScrapeResponse;
import io.karuta.bittorrent.bencode.Bencode;
import io.karuta.frontend.udp.ConnectionIds;
import io.karuta.frontend.udp.UdpCodec;
import io.karuta.frontend.udp.UdpRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tracker that answers every request validly but never gives out a peer, over HTTP and UDP on
 * loopback, for karuta-cli's failing e2e. Built from Karuta's own codecs. It also serves an HTML
 * page at {@code /page/announce}, for a URL that answers but not as a tracker.
 */
final class PeerDroppingTracker implements AutoCloseable {
  private static final AnnounceResponse NOBODY =
      new AnnounceResponse(Duration.ofMinutes(30), Duration.ofMinutes(15), 0, 0, List.of());

  private final HttpServer http;
  private final DatagramSocket udp;

  PeerDroppingTracker() throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext(
        "/announce",
        exchange ->
            reply(
                exchange,
                "text/plain",
                Bencode.encode(
                    Map.of(
                        "interval",
                        1800,
                        "min interval",
                        900,
                        "complete",
                        0,
                        "incomplete",
                        0,
                        "peers",
                        new byte[0]))));
    http.createContext(
        "/scrape",
        exchange -> {
          Map<byte[], Object> files = new HashMap<>();
          for (InfoHash hash :
              QueryParser.parseQuery("/scrape", exchange.getRequestURI().getRawQuery())
                  .infoHashes()) {
            files.put(hash.bytes(), Map.of("complete", 0, "downloaded", 0, "incomplete", 0));
          }
          reply(exchange, "text/plain", Bencode.encode(Map.of("files", files)));
        });
    http.createContext(
        "/page/announce",
        exchange ->
            reply(
                exchange,
                "text/html",
                "<!doctype html><title>Welcome</title>".getBytes(StandardCharsets.US_ASCII)));
    http.start();
    udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Thread responder = new Thread(this::serveUdp, "peer-dropping udp tracker");
    responder.setDaemon(true);
    responder.start();
  }

  int httpPort() {
    return http.getAddress().getPort();
  }

  int udpPort() {
    return udp.getLocalPort();
  }

  @Override
  public void close() {
    http.stop(0);
    udp.close();
  }

  private static void reply(HttpExchange exchange, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private void serveUdp() {
    UdpCodec codec = new UdpCodec(new Sanitizer(50, 50, 74), false);
    ConnectionIds ids =
        new ConnectionIds(
            ConnectionIds.randomKey(),
            Duration.ofMinutes(2),
            Duration.ZERO,
            InstantSource.system());
    byte[] buffer = new byte[2048];
    ByteBuffer out = ByteBuffer.allocate(2048);
    try {
      while (true) {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        udp.receive(packet);
        IpAddress source = IpAddress.of(packet.getAddress());
        UdpRequest request =
            codec.decode(ByteBuffer.wrap(buffer, 0, packet.getLength()), source, ids);
        if (request instanceof UdpRequest.Connect connect) {
          UdpCodec.writeConnect(out, connect.transactionId(), ids.generate(source));
        } else if (request instanceof UdpRequest.Announce announce) {
          UdpCodec.writeAnnounce(
              out, announce.transactionId(), announce.action(), source.family(), NOBODY);
        } else if (request instanceof UdpRequest.Scrape scrape) {
          UdpCodec.writeScrape(
              out,
              scrape.transactionId(),
              new ScrapeResponse(
                  scrape.request().infoHashes().stream().map(Scrape::empty).toList()));
        } else if (request instanceof UdpRequest.Refusal refusal) {
          UdpCodec.writeError(out, refusal.transactionId(), refusal.error().getMessage());
        } else {
          continue;
        }
        udp.send(new DatagramPacket(out.array(), out.limit(), packet.getSocketAddress()));
      }
    } catch (IOException closed) {
      // close() ends the responder.
    }
  }
}
