package io.karuta.frontend.udp;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.AnnounceRequest;
import io.karuta.bittorrent.AnnounceResponse;
import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.Event;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.Params;
import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.PeerId;
import io.karuta.bittorrent.Sanitizer;
import io.karuta.bittorrent.Scrape;
import io.karuta.bittorrent.ScrapeRequest;
import io.karuta.bittorrent.ScrapeResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads BEP 15 requests from datagrams and writes the replies: {@code ByteBuffer} in, {@link
 * UdpRequest} out, and the reverse. Pure: no sockets, no logging, no state. Immutable and
 * thread-safe.
 */
public final class UdpCodec {
  private static final int BAD_ID_ERROR_LENGTH =
      errorLength(UdpErrors.BAD_CONNECTION_ID.getMessage());

  private static final long MAX_UINT32 = 0xFFFF_FFFFL;

  private final Sanitizer sanitizer;
  private final boolean allowIpSpoofing;

  /**
   * Limits and switches: the sanitizer of the UDP frontend and whether the IP field is honoured.
   *
   * @param sanitizer the numwant and scrape limits, and the port check
   * @param allowIpSpoofing whether a non-zero IP field of the source's family replaces the source
   *     address (off by default: a spoofed IP field would let anyone enter other hosts into swarms)
   */
  public UdpCodec(Sanitizer sanitizer, boolean allowIpSpoofing) {
    this.sanitizer = Objects.requireNonNull(sanitizer, "sanitizer");
    this.allowIpSpoofing = allowIpSpoofing;
  }

  /**
   * Decides what to do with the datagram in {@code datagram[position, limit)} from {@code source}.
   * Never throws a {@link RuntimeException}, whatever the bytes (a {@code null} argument gives a
   * drop), and never moves the buffer's position or limit. The rules, in order:
   *
   * <ol>
   *   <li>Fewer than 16 bytes: {@link UdpRequest.Drop}. Otherwise read the connection ID (8 bytes),
   *       the action (4) and the transaction ID (4).
   *   <li>Action 0, connect: {@link UdpRequest.Connect} when the connection ID is the magic {@code
   *       0x41727101980}, else drop; trailing bytes are ignored.
   *   <li>Action 3 (error) or any action other than 0, 1, 2 and 4: drop, whatever the connection
   *       ID, so that two trackers never answer each other forever.
   *   <li>Actions 1, 2, 4 with a connection ID that {@code ids} rejects: {@link UdpRequest.Refusal}
   *       {@link UdpErrors#BAD_CONNECTION_ID} when its 25-byte packet is not longer than the
   *       datagram, else drop. An unverified source never gets more bytes than it sent.
   *   <li>Announce, action 1: at least 98 bytes (action 4: 110, with a 16-byte IP field at 84 and
   *       the key, num_want and port 12 bytes later), else {@link UdpErrors#MALFORMED_PACKET}.
   *       Downloaded, left or uploaded of 2<sup>63</sup> or more: malformed. Event 1 completed, 2
   *       started, 3 stopped, anything else (4 paused included) none. A negative num_want is not
   *       provided, so the sanitizer's default applies. The key is ignored. The IP field replaces
   *       the source only with {@code allowIpSpoofing}, when it is non-zero and of the source's
   *       family (the 4-byte field for an IPv4 source, the 16-byte field for an IPv6 source; a
   *       v4-mapped value counts as IPv4). Then the BEP 41 options (see {@link UrlData}: unknown
   *       types are skipped, truncated ones are malformed) and the sanitizer ({@code invalid port}
   *       for port 0). Compact is true and no_peer_id false.
   *   <li>Scrape, action 2: the bytes after the header must be a positive multiple of 20, else
   *       malformed. The family is the source's; the first {@code maxScrapeInfoHashes} hashes are
   *       kept in order, duplicates included.
   *   <li>A {@link ClientError} from parsing (the URL data's bad escape or info-hash, the
   *       sanitizer's) becomes an error packet with its message. Any other {@link RuntimeException}
   *       drops the datagram while the source is unverified, and becomes {@link
   *       UdpErrors#MALFORMED_PACKET} once the connection ID was accepted.
   * </ol>
   *
   * @param datagram the received bytes; any byte order, read big-endian
   * @param source the sender's address, already normalised (a v4-mapped sender is IPv4)
   * @param ids the connection-ID check for the sender
   */
  public UdpRequest decode(ByteBuffer datagram, IpAddress source, ConnectionIdCheck ids) {
    ByteBuffer in;
    int base;
    int length;
    int action;
    int transactionId;
    try {
      in = bigEndian(datagram);
      base = in.position();
      length = in.remaining();
      if (length < UdpProtocol.REQUEST_HEADER_LENGTH) {
        return UdpRequest.TOO_SHORT;
      }
      long connectionId = in.getLong(base);
      action = in.getInt(base + 8);
      transactionId = in.getInt(base + 12);
      if (action == UdpProtocol.CONNECT) {
        return connectionId == UdpProtocol.CONNECT_MAGIC
            ? new UdpRequest.Connect(transactionId)
            : UdpRequest.NOT_A_REQUEST;
      }
      if (action != UdpProtocol.ANNOUNCE
          && action != UdpProtocol.SCRAPE
          && action != UdpProtocol.ANNOUNCE_V6) {
        return UdpRequest.NOT_A_REQUEST;
      }
      if (!ids.valid(connectionId, source)) {
        return length >= BAD_ID_ERROR_LENGTH
            ? new UdpRequest.Refusal(transactionId, action, UdpErrors.BAD_CONNECTION_ID)
            : UdpRequest.UNVERIFIED;
      }
    } catch (RuntimeException e) {
      return UdpRequest.NOT_A_REQUEST;
    }
    try {
      return action == UdpProtocol.SCRAPE
          ? scrape(in, base, length, transactionId, source)
          : announce(in, base, length, action, transactionId, source);
    } catch (ClientError e) {
      return new UdpRequest.Refusal(transactionId, action, e);
    } catch (RuntimeException e) {
      return new UdpRequest.Refusal(transactionId, action, UdpErrors.MALFORMED_PACKET);
    }
  }

  private UdpRequest announce(
      ByteBuffer in, int base, int length, int action, int transactionId, IpAddress source) {
    boolean v6 = action == UdpProtocol.ANNOUNCE_V6;
    int fixedLength = v6 ? UdpProtocol.ANNOUNCE_V6_LENGTH : UdpProtocol.ANNOUNCE_LENGTH;
    if (length < fixedLength) {
      throw UdpErrors.MALFORMED_PACKET;
    }
    InfoHash infoHash =
        new InfoHash(in.getLong(base + 16), in.getLong(base + 24), in.getInt(base + 32));
    PeerId peerId = new PeerId(in.getLong(base + 36), in.getLong(base + 44), in.getInt(base + 52));
    long downloaded = in.getLong(base + 56);
    long left = in.getLong(base + 64);
    long uploaded = in.getLong(base + 72);
    if ((downloaded | left | uploaded) < 0) {
      throw UdpErrors.MALFORMED_PACKET;
    }
    Event event = event(in.getInt(base + 80));
    IpAddress ip = address(in, base + 84, v6, source);
    // The key (4 bytes) follows the IP field; num_want and port come after it.
    int afterKey = base + (v6 ? 104 : 92);
    int numWant = in.getInt(afterKey);
    int port = in.getShort(afterKey + 4) & 0xFFFF;
    Params params = UrlData.parse(in, base + fixedLength, base + length);
    AnnounceRequest request =
        new AnnounceRequest(
            infoHash,
            new Peer(peerId, ip, port),
            event,
            uploaded,
            downloaded,
            left,
            Math.max(numWant, 0),
            numWant >= 0,
            true,
            false,
            params);
    return new UdpRequest.Announce(transactionId, action, sanitizer.announce(request));
  }

  private UdpRequest scrape(
      ByteBuffer in, int base, int length, int transactionId, IpAddress source) {
    int hashBytes = length - UdpProtocol.REQUEST_HEADER_LENGTH;
    if (hashBytes <= 0 || hashBytes % InfoHash.LENGTH != 0) {
      throw UdpErrors.MALFORMED_PACKET;
    }
    // Reading only what the sanitizer keeps bounds the work a full datagram can cause.
    int count = Math.min(hashBytes / InfoHash.LENGTH, sanitizer.maxScrapeInfoHashes());
    InfoHash[] hashes = new InfoHash[count];
    int at = base + UdpProtocol.REQUEST_HEADER_LENGTH;
    for (int i = 0; i < count; i++, at += InfoHash.LENGTH) {
      hashes[i] = new InfoHash(in.getLong(at), in.getLong(at + 8), in.getInt(at + 16));
    }
    ScrapeRequest request =
        new ScrapeRequest(source.family(), Arrays.asList(hashes), Params.empty());
    return new UdpRequest.Scrape(transactionId, sanitizer.scrape(request));
  }

  private static Event event(int value) {
    return switch (value) {
      case 1 -> Event.COMPLETED;
      case 2 -> Event.STARTED;
      case 3 -> Event.STOPPED;
      default -> Event.NONE;
    };
  }

  /** Returns the announced address: the source's, unless the IP field may and does replace it. */
  private IpAddress address(ByteBuffer in, int at, boolean v6, IpAddress source) {
    AddressFamily fieldFamily = v6 ? AddressFamily.IPV6 : AddressFamily.IPV4;
    if (!allowIpSpoofing || source.family() != fieldFamily) {
      return source;
    }
    IpAddress field;
    if (v6) {
      long high = in.getLong(at);
      long low = in.getLong(at + 8);
      if ((high | low) == 0) {
        return source;
      }
      field = IpAddress.ofIpv6(high, low);
    } else {
      int value = in.getInt(at);
      if (value == 0) {
        return source;
      }
      field = IpAddress.ofIpv4(value);
    }
    // A v4-mapped 16-byte field comes out as IPv4, which is not an IPv6 sender's family.
    return field.family() == fieldFamily ? field : source;
  }

  private static ByteBuffer bigEndian(ByteBuffer buffer) {
    return buffer.order() == ByteOrder.BIG_ENDIAN
        ? buffer
        : buffer.duplicate().order(ByteOrder.BIG_ENDIAN);
  }

  /**
   * Returns the capacity a reply buffer needs so that {@link #writeAnnounce} never leaves a peer
   * out: {@code 20 + 18 * maxNumWant}, the IPv6 worst case. A connect reply (16 bytes) always fits
   * in it.
   *
   * @param maxNumWant the most peers a reply carries, 0 or more
   */
  public static int maxAnnounceReplyLength(int maxNumWant) {
    if (maxNumWant < 0) {
      throw new IllegalArgumentException("max numwant cannot be negative");
    }
    return UdpProtocol.ANNOUNCE_REPLY_HEADER_LENGTH
        + Math.multiplyExact(AddressFamily.IPV6.compactPeerLength(), maxNumWant);
  }

  /**
   * Returns the capacity a reply buffer needs so that {@link #writeScrape} never leaves an entry
   * out: {@code 8 + 12 * maxScrapeInfoHashes}.
   *
   * @param maxScrapeInfoHashes the most info-hashes a scrape answers, 0 or more
   */
  public static int maxScrapeReplyLength(int maxScrapeInfoHashes) {
    if (maxScrapeInfoHashes < 0) {
      throw new IllegalArgumentException("max scrape info-hashes cannot be negative");
    }
    return UdpProtocol.REPLY_HEADER_LENGTH
        + Math.multiplyExact(UdpProtocol.SCRAPE_ENTRY_LENGTH, maxScrapeInfoHashes);
  }

  /**
   * Writes a connect reply into {@code out}: action 0, the transaction ID, the connection ID;
   * exactly 16 bytes. {@code out} is cleared, set big-endian and flipped, ready to send.
   *
   * @throws IllegalArgumentException if {@code out} cannot hold 16 bytes
   */
  public static void writeConnect(ByteBuffer out, int transactionId, long connectionId) {
    start(out, UdpProtocol.CONNECT_REPLY_LENGTH)
        .putInt(UdpProtocol.CONNECT)
        .putInt(transactionId)
        .putLong(connectionId)
        .flip();
  }

  /**
   * Writes an announce reply into {@code out}: the action, the transaction ID, the interval in
   * whole seconds (truncated, and saturated at 2<sup>32</sup>-1), the leechers ({@code
   * incomplete}), the seeders ({@code complete}), then each peer of {@code requesterFamily} as 4 or
   * 16 address bytes and a 2-byte port (6 or 18 bytes). Peers of the other family are left out, and
   * so are the peers that do not fit in {@code out}'s capacity (none, when it is at least {@link
   * #maxAnnounceReplyLength(int)}). The counts are ints of 0 or more, so they never pass the 32-bit
   * field's 2<sup>32</sup>-1. {@code out} is cleared, set big-endian and flipped.
   *
   * @param action the request's action, 1 or 4
   * @param requesterFamily the family of the address the reply goes to
   * @throws IllegalArgumentException for another action, or if {@code out} cannot hold 20 bytes
   */
  public static void writeAnnounce(
      ByteBuffer out,
      int transactionId,
      int action,
      AddressFamily requesterFamily,
      AnnounceResponse response) {
    if (action != UdpProtocol.ANNOUNCE && action != UdpProtocol.ANNOUNCE_V6) {
      throw new IllegalArgumentException("an announce reply is action 1 or 4, got " + action);
    }
    start(out, UdpProtocol.ANNOUNCE_REPLY_HEADER_LENGTH)
        .putInt(action)
        .putInt(transactionId)
        .putInt((int) Math.min(response.interval().getSeconds(), MAX_UINT32))
        .putInt(response.incomplete())
        .putInt(response.complete());
    int stride = requesterFamily.compactPeerLength();
    List<Peer> peers = response.peers();
    for (int i = 0; i < peers.size() && out.remaining() >= stride; i++) {
      Peer peer = peers.get(i);
      if (peer.family() != requesterFamily) {
        continue;
      }
      IpAddress ip = peer.ip();
      if (requesterFamily == AddressFamily.IPV4) {
        out.putInt((int) ip.low());
      } else {
        out.putLong(ip.high()).putLong(ip.low());
      }
      out.putShort((short) peer.port());
    }
    out.flip();
  }

  /**
   * Writes a scrape reply into {@code out}: action 2, the transaction ID, then for each entry in
   * order its seeders ({@code complete}), completed ({@code downloaded}) and leechers ({@code
   * incomplete}), 12 bytes. Entries that do not fit in {@code out}'s capacity are left out (none,
   * when it is at least {@link #maxScrapeReplyLength(int)}). {@code out} is cleared, set big-endian
   * and flipped.
   *
   * @param response one entry per requested info-hash, in request order
   * @throws IllegalArgumentException if {@code out} cannot hold 8 bytes
   */
  public static void writeScrape(ByteBuffer out, int transactionId, ScrapeResponse response) {
    start(out, UdpProtocol.REPLY_HEADER_LENGTH).putInt(UdpProtocol.SCRAPE).putInt(transactionId);
    List<Scrape> files = response.files();
    for (int i = 0; i < files.size() && out.remaining() >= UdpProtocol.SCRAPE_ENTRY_LENGTH; i++) {
      Scrape file = files.get(i);
      out.putInt(file.complete()).putInt(file.downloaded()).putInt(file.incomplete());
    }
    out.flip();
  }

  /**
   * Writes an error reply into {@code out}: action 3, the transaction ID, then the UTF-8 bytes of
   * {@code message} up to the end of the packet, with no NUL terminator (BEP 15; chihaya adds one).
   * A message longer than {@code out}'s capacity is cut. {@code out} is cleared, set big-endian and
   * flipped.
   *
   * @param message a fixed, client-visible text ({@link ClientError#getMessage()})
   * @throws IllegalArgumentException if {@code out} cannot hold 8 bytes
   */
  public static void writeError(ByteBuffer out, int transactionId, String message) {
    byte[] text = message.getBytes(StandardCharsets.UTF_8);
    start(out, UdpProtocol.REPLY_HEADER_LENGTH).putInt(UdpProtocol.ERROR).putInt(transactionId);
    out.put(text, 0, Math.min(text.length, out.remaining())).flip();
  }

  /**
   * Returns the length of the error packet {@link #writeError} writes for {@code message}: 8 plus
   * its UTF-8 length. Compare it with the request's length before answering an unverified source.
   */
  public static int errorLength(String message) {
    return UdpProtocol.REPLY_HEADER_LENGTH + message.getBytes(StandardCharsets.UTF_8).length;
  }

  private static ByteBuffer start(ByteBuffer out, int fixedLength) {
    if (out.capacity() < fixedLength) {
      throw new IllegalArgumentException(
          "a reply buffer needs at least " + fixedLength + " bytes, got " + out.capacity());
    }
    out.clear();
    out.order(ByteOrder.BIG_ENDIAN);
    return out;
  }
}
