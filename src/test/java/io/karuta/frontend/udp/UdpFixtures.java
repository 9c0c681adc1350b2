package io.karuta.frontend.udp;

import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.PeerId;
import io.karuta.bittorrent.Sanitizer;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Values and helpers shared by the tests of this package. */
final class UdpFixtures {
  /** An info-hash used in many published examples (theory.org's wiki among them). */
  static final InfoHash IH = InfoHash.fromHex("123456789abcdef123456789abcdef123456789a");

  /** A second info-hash: {@code aa} x 20. */
  static final InfoHash IH2 = InfoHash.fromHex("aa".repeat(20));

  /** The peer ID of the vectors. */
  static final PeerId PEER_ID =
      PeerId.of("-qB4650-abcdefghijkl".getBytes(StandardCharsets.ISO_8859_1));

  /** The connection ID of vectors 2, 3 and 6, which {@link #ACCEPT} accepts. */
  static final long VALID_ID = 0x0123456789abcdefL;

  /** Accepts {@link #VALID_ID} from any source, and nothing else. */
  static final ConnectionIdCheck ACCEPT = (id, source) -> id == VALID_ID;

  /** Accepts nothing. */
  static final ConnectionIdCheck REJECT = (id, source) -> false;

  /** numwant default 50, cap 100; at most 74 scraped hashes ("about 74", BEP 15). */
  static final Sanitizer SANITIZER = new Sanitizer(100, 50, 74);

  static final UdpCodec PLAIN = new UdpCodec(SANITIZER, false);
  static final UdpCodec SPOOFABLE = new UdpCodec(SANITIZER, true);

  static final IpAddress V4 = IpAddress.parse("10.0.0.5");
  static final IpAddress V6 = IpAddress.parse("2001:db8::7");

  /** BEP 15 connect request, transaction {@code deadbeef}. */
  static final String VECTOR_1 = "00 00 04 17 27 10 19 80 00 00 00 00 de ad be ef";

  /** Vector 3: announce, tx 1, IH, started, left 1000, key 1234abcd, num_want -1, port 6881. */
  static final String VECTOR_3 =
      "01 23 45 67 89 ab cd ef 00 00 00 01 00 00 00 01"
          + " 12 34 56 78 9a bc de f1 23 45 67 89 ab cd ef 12 34 56 78 9a"
          + " 2d 71 42 34 36 35 30 2d 61 62 63 64 65 66 67 68 69 6a 6b 6c"
          + " 00 00 00 00 00 00 00 00"
          + " 00 00 00 00 00 00 03 e8"
          + " 00 00 00 00 00 00 00 00"
          + " 00 00 00 02"
          + " 00 00 00 00"
          + " 12 34 ab cd"
          + " ff ff ff ff"
          + " 1a e1";

  /** Vector 6: scrape, tx 7, IH and IH2. */
  static final String VECTOR_6 =
      "01 23 45 67 89 ab cd ef 00 00 00 02 00 00 00 07"
          + " 12 34 56 78 9a bc de f1 23 45 67 89 ab cd ef 12 34 56 78 9a"
          + " aa".repeat(20);

  private UdpFixtures() {}

  /**
   * Returns the bytes that {@code spec} writes: hex bytes separated by spaces, and ASCII text in
   * double quotes, such as {@code 02 05 "/?a=b"}.
   */
  static byte[] bytes(String spec) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < spec.length()) {
      char c = spec.charAt(i);
      if (c == ' ') {
        i++;
      } else if (c == '"') {
        int close = spec.indexOf('"', i + 1);
        out.writeBytes(spec.substring(i + 1, close).getBytes(StandardCharsets.ISO_8859_1));
        i = close + 1;
      } else {
        out.write(Integer.parseInt(spec.substring(i, i + 2), 16));
        i += 2;
      }
    }
    return out.toByteArray();
  }

  /** Returns the parts one after the other. */
  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** Returns an action 4 announce with vector 3's fields and a 16-byte IP field of zeros. */
  static byte[] announceV6() {
    byte[] v1 = bytes(VECTOR_3);
    byte[] v6 = new byte[UdpProtocol.ANNOUNCE_V6_LENGTH];
    System.arraycopy(v1, 0, v6, 0, 84);
    System.arraycopy(v1, 88, v6, 100, 10);
    putInt(v6, 8, UdpProtocol.ANNOUNCE_V6);
    return v6;
  }

  /** Returns a copy of {@code packet} with {@code length} bytes, cut or padded with zeros. */
  static byte[] resized(byte[] packet, int length) {
    return Arrays.copyOf(packet, length);
  }

  /** Writes {@code value} big-endian at {@code offset} and returns {@code packet}. */
  static byte[] putInt(byte[] packet, int offset, int value) {
    ByteBuffer.wrap(packet).putInt(offset, value);
    return packet;
  }

  /** Writes {@code value} big-endian at {@code offset} and returns {@code packet}. */
  static byte[] putLong(byte[] packet, int offset, long value) {
    ByteBuffer.wrap(packet).putLong(offset, value);
    return packet;
  }

  /** Writes {@code value} as 2 bytes big-endian at {@code offset} and returns {@code packet}. */
  static byte[] putShort(byte[] packet, int offset, int value) {
    ByteBuffer.wrap(packet).putShort(offset, (short) value);
    return packet;
  }

  /** Returns the bytes between the buffer's position and limit. */
  static byte[] sent(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return out;
  }

  /** Decodes {@code packet} from {@code source} with {@link #PLAIN}. */
  static UdpRequest decode(byte[] packet, IpAddress source, ConnectionIdCheck ids) {
    return PLAIN.decode(ByteBuffer.wrap(packet), source, ids);
  }

  /** Decodes {@code packet} from {@link #V4} with {@link #PLAIN}, accepting {@link #VALID_ID}. */
  static UdpRequest decode(byte[] packet) {
    return decode(packet, V4, ACCEPT);
  }

  /** A 98-byte announce (started, 10 bytes left, numwant 10, port 6881) of an all-zero hash. */
  static byte[] zeroHashAnnounce(long connectionId, int transaction, String peerId) {
    return java.nio.ByteBuffer.allocate(98)
        .putLong(connectionId)
        .putInt(1)
        .putInt(transaction)
        .put(new byte[20])
        .put(peerId.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .putLong(0)
        .putLong(10)
        .putLong(0)
        .putInt(2)
        .putInt(0)
        .putInt(0)
        .putInt(10)
        .putShort((short) 6881)
        .array();
  }

  /** Sends {@code datagram} from {@code client} to 127.0.0.1:{@code port}. */
  static void sendToLoopback(java.net.DatagramSocket client, int port, byte[] datagram)
      throws java.io.IOException {
    client.send(
        new java.net.DatagramPacket(
            datagram, datagram.length, java.net.InetAddress.getLoopbackAddress(), port));
  }

  /** Returns a UDP port on 127.0.0.1 that was free a moment ago. */
  static int freeLoopbackPort() throws java.io.IOException {
    try (java.net.DatagramSocket free =
        new java.net.DatagramSocket(new java.net.InetSocketAddress("127.0.0.1", 0))) {
      return free.getLocalPort();
    }
  }

  /** Returns a connection ID for 127.0.0.1 issued now under {@code key}. */
  static long loopbackConnectionId(String key) {
    return new ConnectionIds(
            key.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            java.time.Duration.ofMinutes(2),
            java.time.Duration.ZERO,
            java.time.InstantSource.system())
        .generate(IpAddress.parse("127.0.0.1"));
  }
}
