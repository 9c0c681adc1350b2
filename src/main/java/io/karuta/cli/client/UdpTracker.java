package io.karuta.cli.client;

import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.Scrape;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * A UDP tracker (BEP 15), over IPv4 or IPv6 as the URL's host resolves (the first address the JDK
 * gives). One socket, connected to the tracker so that the kernel's "port unreachable" comes back
 * as "connection refused". A connection ID is fetched on first use and again after 60 seconds, as
 * BEP 15 tells clients.
 *
 * <p>Each request carries a fresh random transaction ID; replies with another one (late answers to
 * an earlier attempt) are ignored. A request is sent up to {@link ClientSettings#attempts()} times,
 * each waiting {@link ClientSettings#timeout()}. The path and query of the URL go along with every
 * announce as BEP 41 URL data, as libtorrent sends them, so a passkey in the URL works over UDP.
 */
final class UdpTracker implements Tracker {
  private static final long CONNECTION_ID_NANOS = 60_000_000_000L;
  private static final int MAX_REPLY = 65_536;

  private final URI url;
  private final ClientSettings settings;
  private final RandomGenerator random;
  private final byte[] urlData;
  private DatagramSocket socket;
  private int addressLength;
  private long connectionId;
  private long connectedAt;
  private boolean connected;
  private int requests;

  UdpTracker(URI url, ClientSettings settings, RandomGenerator random) {
    this.url = url;
    this.settings = settings;
    this.random = random;
    this.urlData = urlData(url);
  }

  /** The raw path and query, as BEP 41 carries them; empty for a bare {@code udp://host:port}. */
  static byte[] urlData(URI url) {
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    String query = url.getRawQuery();
    String data = query == null ? path : path + "?" + query;
    return data.equals("/") ? new byte[0] : data.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Override
  public URI url() {
    return url;
  }

  @Override
  public AnnounceReply announce(AnnounceQuery query) throws TrackerException {
    long id = connectionId();
    int transactionId = random.nextInt();
    byte[] reply = exchange(UdpPackets.announce(id, transactionId, query, urlData), transactionId);
    return UdpPackets.readAnnounce(reply, addressLength);
  }

  @Override
  public List<Scrape> scrape(List<InfoHash> infoHashes) throws TrackerException {
    long id = connectionId();
    int transactionId = random.nextInt();
    byte[] reply = exchange(UdpPackets.scrape(id, transactionId, infoHashes), transactionId);
    return UdpPackets.readScrape(reply, infoHashes);
  }

  @Override
  public int requests() {
    return requests;
  }

  @Override
  public void close() {
    if (socket != null) {
      socket.close();
    }
  }

  private long connectionId() throws TrackerException {
    if (!connected || System.nanoTime() - connectedAt > CONNECTION_ID_NANOS) {
      open();
      int transactionId = random.nextInt();
      long sentAt = System.nanoTime();
      connectionId =
          UdpPackets.readConnect(exchange(UdpPackets.connect(transactionId), transactionId));
      connectedAt = sentAt;
      connected = true;
    }
    return connectionId;
  }

  private void open() throws TrackerException {
    if (socket != null) {
      return;
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(url.getHost());
    } catch (UnknownHostException e) {
      throw TrackerException.unreachable(
          "unknown host " + TrackerException.printable(url.getHost()));
    }
    addressLength = address instanceof Inet6Address ? 16 : 4;
    try {
      socket = new DatagramSocket();
      socket.connect(new InetSocketAddress(address, url.getPort()));
    } catch (SocketException e) {
      close();
      socket = null;
      throw TrackerException.unreachable("cannot open a UDP socket to the tracker");
    }
  }

  /** Sends {@code request} until a reply with {@code transactionId} comes, and returns it. */
  private byte[] exchange(byte[] request, int transactionId) throws TrackerException {
    requests++;
    byte[] buffer = new byte[MAX_REPLY];
    int strays = 0;
    for (int attempt = 0; attempt < settings.attempts(); attempt++) {
      long deadline = System.nanoTime() + settings.timeout().toNanos();
      try {
        socket.send(new DatagramPacket(request, request.length));
        while (true) {
          long left = (deadline - System.nanoTime()) / 1_000_000;
          if (left <= 0) {
            break;
          }
          socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
          DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
          socket.receive(packet);
          OptionalLong id = UdpPackets.transactionId(buffer, packet.getLength());
          if (id.isPresent() && (int) id.getAsLong() == transactionId) {
            return Arrays.copyOf(buffer, packet.getLength());
          }
          strays++;
        }
      } catch (SocketTimeoutException e) {
        // The next attempt, if any.
      } catch (PortUnreachableException e) {
        throw TrackerException.unreachable("connection refused (port unreachable)");
      } catch (IOException e) {
        throw TrackerException.unreachable("the UDP exchange failed");
      }
    }
    throw TrackerException.unreachable(
        "no reply after "
            + settings.attempts()
            + (settings.attempts() == 1 ? " attempt of " : " attempts of ")
            + settings.timeoutText()
            + (strays == 0 ? "" : "; " + strays + " replies carried another transaction ID"));
  }
}
