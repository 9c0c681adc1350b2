package io.karuta.cli.client;

import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.Scrape;
import io.karuta.frontend.udp.UdpProtocol;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Writes BEP 15 requests and reads the replies, with the action numbers and lengths of Karuta's own
 * UDP frontend ({@link UdpProtocol}). Pure: no sockets. All integers are big-endian.
 */
final class UdpPackets {
  /** BEP 41 option types. */
  private static final byte END_OF_OPTIONS = 0;

  private static final byte URL_DATA = 2;
  private static final int MAX_OPTION = 255;

  /** Longer URL data would push an announce past a safe datagram size. */
  static final int MAX_URL_DATA = 1024;

  private UdpPackets() {}

  /** A connect request (16 bytes). */
  static byte[] connect(int transactionId) {
    return ByteBuffer.allocate(UdpProtocol.REQUEST_HEADER_LENGTH)
        .putLong(UdpProtocol.CONNECT_MAGIC)
        .putInt(UdpProtocol.CONNECT)
        .putInt(transactionId)
        .array();
  }

  /**
   * An announce (action 1, 98 bytes), followed by {@code urlData} as BEP 41 options when it is not
   * empty. The IP field is 0: the tracker takes the sender's address.
   *
   * @param urlData the path and query of the tracker URL, at most {@link #MAX_URL_DATA} bytes
   */
  static byte[] announce(
      long connectionId, int transactionId, AnnounceQuery query, byte[] urlData) {
    byte[] options = options(urlData);
    ByteBuffer out = ByteBuffer.allocate(UdpProtocol.ANNOUNCE_LENGTH + options.length);
    out.putLong(connectionId).putInt(UdpProtocol.ANNOUNCE).putInt(transactionId);
    out.put(query.infoHash().bytes()).put(query.peerId().bytes());
    out.putLong(query.downloaded()).putLong(query.left()).putLong(query.uploaded());
    out.putInt(event(query));
    out.putInt(0);
    out.putInt(query.key());
    out.putInt(query.numWant());
    out.putShort((short) query.port());
    return out.put(options).array();
  }

  /** A scrape (action 2) of {@code infoHashes}, in order. */
  static byte[] scrape(long connectionId, int transactionId, List<InfoHash> infoHashes) {
    ByteBuffer out =
        ByteBuffer.allocate(
            UdpProtocol.REQUEST_HEADER_LENGTH + InfoHash.LENGTH * infoHashes.size());
    out.putLong(connectionId).putInt(UdpProtocol.SCRAPE).putInt(transactionId);
    for (InfoHash infoHash : infoHashes) {
      out.put(infoHash.bytes());
    }
    return out.array();
  }

  /** Returns the transaction ID of a reply, or empty when it is shorter than 8 bytes. */
  static OptionalLong transactionId(byte[] reply, int length) {
    return length < UdpProtocol.REPLY_HEADER_LENGTH
        ? OptionalLong.empty()
        : OptionalLong.of(ByteBuffer.wrap(reply, 0, length).getInt(4));
  }

  /** Reads a connect reply and returns the connection ID. */
  static long readConnect(byte[] reply) throws TrackerException {
    ByteBuffer in = expect(reply, UdpProtocol.CONNECT, UdpProtocol.CONNECT_REPLY_LENGTH);
    return in.getLong(8);
  }

  /**
   * Reads an announce reply whose peers are {@code addressLength}-byte addresses (4 when the
   * tracker was reached over IPv4, 16 over IPv6: BEP 15 follows the socket's family).
   */
  static AnnounceReply readAnnounce(byte[] reply, int addressLength) throws TrackerException {
    ByteBuffer in = expect(reply, UdpProtocol.ANNOUNCE, UdpProtocol.ANNOUNCE_REPLY_HEADER_LENGTH);
    int stride = addressLength + 2;
    int peerBytes = reply.length - UdpProtocol.ANNOUNCE_REPLY_HEADER_LENGTH;
    if (peerBytes % stride != 0) {
      throw TrackerException.notATracker("peers are not a multiple of " + stride + " bytes");
    }
    List<TrackerPeer> peers = new ArrayList<>(peerBytes / stride);
    for (int at = UdpProtocol.ANNOUNCE_REPLY_HEADER_LENGTH; at < reply.length; at += stride) {
      IpAddress ip = IpAddress.of(Arrays.copyOfRange(reply, at, at + addressLength));
      peers.add(
          new TrackerPeer(
              ip.toString(), in.getShort(at + addressLength) & 0xFFFF, Optional.empty()));
    }
    return new AnnounceReply(
        Duration.ofSeconds(unsigned(in, 8)),
        Optional.empty(),
        OptionalLong.of(unsigned(in, 16)),
        OptionalLong.of(unsigned(in, 12)),
        peers,
        Optional.empty());
  }

  /** Reads a scrape reply for {@code requested}: seeders, completed, leechers per hash. */
  static List<Scrape> readScrape(byte[] reply, List<InfoHash> requested) throws TrackerException {
    ByteBuffer in =
        expect(
            reply,
            UdpProtocol.SCRAPE,
            UdpProtocol.REPLY_HEADER_LENGTH + UdpProtocol.SCRAPE_ENTRY_LENGTH * requested.size());
    List<Scrape> out = new ArrayList<>(requested.size());
    int at = UdpProtocol.REPLY_HEADER_LENGTH;
    for (InfoHash infoHash : requested) {
      int seeders = in.getInt(at);
      int completed = in.getInt(at + 4);
      int leechers = in.getInt(at + 8);
      if ((seeders | completed | leechers) < 0) {
        throw TrackerException.notATracker("a count is out of range");
      }
      out.add(new Scrape(infoHash, seeders, leechers, completed));
      at += UdpProtocol.SCRAPE_ENTRY_LENGTH;
    }
    return out;
  }

  /**
   * Checks that {@code reply} answers with {@code action} and holds at least {@code minLength}
   * bytes; an error packet (action 3) becomes the tracker's refusal with its text.
   */
  private static ByteBuffer expect(byte[] reply, int action, int minLength)
      throws TrackerException {
    ByteBuffer in = ByteBuffer.wrap(reply);
    int got = in.getInt(0);
    if (got == UdpProtocol.ERROR) {
      throw TrackerException.refused(errorText(reply));
    }
    if (got != action) {
      throw TrackerException.notATracker(
          "a UDP reply with action "
              + got
              + (action == UdpProtocol.ANNOUNCE ? " to an " : " to a ")
              + name(action)
              + " with action "
              + action);
    }
    if (reply.length < minLength) {
      throw TrackerException.notATracker(
          "a UDP "
              + name(action)
              + " reply of "
              + reply.length
              + " bytes, at least "
              + minLength
              + " expected");
    }
    return in;
  }

  /** The text of an error packet, without the NUL terminator some trackers (chihaya) add. */
  private static String errorText(byte[] reply) {
    int end = reply.length;
    while (end > UdpProtocol.REPLY_HEADER_LENGTH && reply[end - 1] == 0) {
      end--;
    }
    return new String(
        reply,
        UdpProtocol.REPLY_HEADER_LENGTH,
        end - UdpProtocol.REPLY_HEADER_LENGTH,
        StandardCharsets.UTF_8);
  }

  private static String name(int action) {
    return switch (action) {
      case UdpProtocol.CONNECT -> "connect";
      case UdpProtocol.ANNOUNCE -> "announce";
      default -> "scrape";
    };
  }

  private static long unsigned(ByteBuffer in, int at) {
    return in.getInt(at) & 0xFFFF_FFFFL;
  }

  /** BEP 15 event numbers. */
  private static int event(AnnounceQuery query) {
    return switch (query.event()) {
      case NONE -> 0;
      case COMPLETED -> 1;
      case STARTED -> 2;
      case STOPPED -> 3;
    };
  }

  /** URL data split into options of at most 255 bytes, then the end of options. */
  private static byte[] options(byte[] urlData) {
    if (urlData.length == 0) {
      return urlData;
    }
    if (urlData.length > MAX_URL_DATA) {
      throw new IllegalArgumentException("URL data longer than " + MAX_URL_DATA + " bytes");
    }
    int pieces = (urlData.length + MAX_OPTION - 1) / MAX_OPTION;
    ByteBuffer out = ByteBuffer.allocate(urlData.length + 2 * pieces + 1);
    for (int at = 0; at < urlData.length; at += MAX_OPTION) {
      int length = Math.min(MAX_OPTION, urlData.length - at);
      out.put(URL_DATA).put((byte) length).put(urlData, at, length);
    }
    return out.put(END_OF_OPTIONS).array();
  }
}
