package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A minimal BEP 15 client for tests: builds raw datagrams, sends them from a fresh loopback socket
 * to the deployed tracker and reads the reply, or asserts that none comes.
 */
public final class UdpTrackerClient {
  /** How long a test waits to conclude that the tracker said nothing. */
  static final int SILENCE_MILLIS = 700;

  private static final long MAGIC = 0x41727101980L;
  private final InetSocketAddress tracker;
  private final String host;

  UdpTrackerClient(String host) {
    this(host, Integer.getInteger("karuta.it.udp.port", 16970));
  }

  UdpTrackerClient(String host, int port) {
    this.host = host;
    this.tracker = new InetSocketAddress(host, port);
  }

  /** Sends {@code datagram} and returns the reply, failing after 5 s without one. */
  public byte[] exchange(byte[] datagram) {
    byte[] reply = send(datagram, 5_000);
    assertNotNull(reply, "no reply from the UDP tracker");
    return reply;
  }

  /** Sends {@code datagram} and asserts that no reply comes within {@link #SILENCE_MILLIS}. */
  public void assertSilent(byte[] datagram, String why) {
    byte[] reply = send(datagram, SILENCE_MILLIS);
    assertEquals(null, reply == null ? null : Arrays.toString(reply), why);
  }

  /** Connects (BEP 15) and returns the connection ID. */
  public long connect() {
    int transaction = ThreadLocalRandom.current().nextInt();
    ByteBuffer reply =
        ByteBuffer.wrap(
            exchange(ByteBuffer.allocate(16).putLong(MAGIC).putInt(0).putInt(transaction).array()));
    assertEquals(16, reply.remaining());
    assertEquals(0, reply.getInt(0), "connect action");
    assertEquals(transaction, reply.getInt(4), "transaction id echoed");
    return reply.getLong(8);
  }

  /** Builds an announce (action 1, 98 bytes) followed by {@code options}. */
  public static byte[] announce(
      long connectionId,
      int transaction,
      byte[] infoHash,
      String peerId,
      long left,
      int event,
      int numWant,
      int port,
      byte... options) {
    return ByteBuffer.allocate(98 + options.length)
        .putLong(connectionId)
        .putInt(1)
        .putInt(transaction)
        .put(infoHash)
        .put(peerId.getBytes(StandardCharsets.ISO_8859_1))
        .putLong(0)
        .putLong(left)
        .putLong(0)
        .putInt(event)
        .putInt(0)
        .putInt(0x1234)
        .putInt(numWant)
        .putShort((short) port)
        .put(options)
        .array();
  }

  /** Builds a scrape (action 2) of {@code infoHashes}. */
  public static byte[] scrape(long connectionId, int transaction, byte[]... infoHashes) {
    ByteBuffer out =
        ByteBuffer.allocate(16 + 20 * infoHashes.length)
            .putLong(connectionId)
            .putInt(2)
            .putInt(transaction);
    for (byte[] infoHash : infoHashes) {
      out.put(infoHash);
    }
    return out.array();
  }

  /**
   * BEP 41 URL data options carrying {@code url}, ending with EndOfOptions; a URL longer than 255
   * bytes is split over several options, which the tracker concatenates.
   */
  public static byte[] urlData(String url) {
    byte[] bytes = url.getBytes(StandardCharsets.ISO_8859_1);
    int options = Math.max(1, (bytes.length + 254) / 255);
    ByteBuffer out = ByteBuffer.allocate(bytes.length + 2 * options + 1);
    for (int at = 0; at == 0 || at < bytes.length; at += 255) {
      int length = Math.min(255, bytes.length - at);
      out.put((byte) 2).put((byte) length).put(bytes, at, length);
    }
    return out.put((byte) 0).array();
  }

  /** Returns the text of an error reply (action 3), checking the transaction id. */
  public static String errorText(byte[] reply, int transaction) {
    ByteBuffer in = ByteBuffer.wrap(reply);
    assertEquals(3, in.getInt(0), "error action");
    assertEquals(transaction, in.getInt(4), "transaction id echoed");
    return new String(reply, 8, reply.length - 8, StandardCharsets.UTF_8);
  }

  private byte[] send(byte[] datagram, int timeoutMillis) {
    try (DatagramSocket socket =
        new DatagramSocket(new InetSocketAddress(InetAddress.getByName(host), 0))) {
      socket.setSoTimeout(timeoutMillis);
      socket.send(new DatagramPacket(datagram, datagram.length, tracker));
      byte[] buffer = new byte[4096];
      DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(reply);
      } catch (SocketTimeoutException e) {
        return null;
      }
      return Arrays.copyOf(buffer, reply.getLength());
    } catch (IOException e) {
      throw new AssertionError("UDP exchange failed", e);
    }
  }
}
