package io.karuta.frontend.http;

import io.karuta.bittorrent.AnnounceRequest;
import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.Event;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.Params;
import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.PeerId;
import io.karuta.bittorrent.Sanitizer;
import io.karuta.bittorrent.ScrapeRequest;
import io.karuta.config.HttpConfig;
import java.util.List;
import java.util.Objects;

/**
 * Turns the parameters of an HTTP announce or scrape into a sanitised request (chihaya's
 * frontend/http/parser.go, in its order of checks).
 *
 * <p>An announce is checked in chihaya's order, and the first failure is the one reported: {@code
 * event}, {@code compact}, {@code info_hash}, {@code peer_id}, {@code left}, {@code downloaded},
 * {@code uploaded}, {@code numwant}, {@code port}, the address, then the {@link Sanitizer} (port 0,
 * numwant default and cap). Two choices differ from chihaya: {@code paused} (BEP 21) is accepted as
 * a regular update, and {@code no_peer_id} is honoured. Unknown parameters are ignored.
 *
 * <p>Immutable and thread-safe.
 */
public final class HttpRequestParser {
  private static final long MAX_COUNT = Long.MAX_VALUE;
  private static final long MAX_NUMWANT = 0xFFFF_FFFFL;
  private static final long MAX_PORT = 0xFFFF;

  private final boolean allowIpSpoofing;
  private final Sanitizer sanitizer;

  /** Takes {@code allowIpSpoofing} and the sanitising limits from the HTTP settings. */
  public HttpRequestParser(HttpConfig config) {
    allowIpSpoofing = config.allowIpSpoofing();
    sanitizer = config.sanitizer();
  }

  /**
   * Parses and sanitises an announce.
   *
   * <ul>
   *   <li>{@code event}: optional; see {@link Event#parse(String)}.
   *   <li>{@code compact} and {@code no_peer_id}: true when present and neither {@code ""} nor
   *       {@code 0}; an absent {@code compact} asks for dictionary peers.
   *   <li>{@code info_hash}: exactly one; {@code peer_id}: required, 20 bytes.
   *   <li>{@code left}, {@code downloaded}, {@code uploaded}: required decimal digits, 0 to
   *       2<sup>63</sup>-1; no sign.
   *   <li>{@code numwant}: optional decimal digits, 0 to 2<sup>32</sup>-1; values above {@link
   *       Integer#MAX_VALUE} count as that before the sanitiser caps them.
   *   <li>{@code port}: required decimal digits, 0 to 65535; 0 is then refused by the sanitiser.
   *   <li>The address: with {@code http.allow_ip_spoofing}, the first present of {@code ip}, {@code
   *       ipv4}, {@code ipv6}, read as an IP literal; otherwise, and when none is present, {@code
   *       client}. Without spoofing those parameters are never read, so repeated or malformed ones
   *       do no harm.
   * </ul>
   *
   * @param params the request's parameters, route parameters included
   * @param client the client's address (see {@link io.karuta.net.ClientAddresses})
   * @return the sanitised announce
   * @throws ClientError the first of {@link HttpErrors}' announce failures that applies, or the
   *     sanitiser's
   */
  public AnnounceRequest parseAnnounce(Params params, IpAddress client) {
    Objects.requireNonNull(client, "client");
    Event event = event(params.get("event"));
    boolean compact = flag(params.get("compact"));
    InfoHash infoHash = onlyInfoHash(params.infoHashes());
    PeerId peerId = peerId(params.bytes("peer_id"));
    long left = digits(params.get("left"), MAX_COUNT, HttpErrors.UNPARSABLE_LEFT);
    long downloaded = digits(params.get("downloaded"), MAX_COUNT, HttpErrors.UNPARSABLE_DOWNLOADED);
    long uploaded = digits(params.get("uploaded"), MAX_COUNT, HttpErrors.UNPARSABLE_UPLOADED);
    String numWantText = params.get("numwant");
    long numWant =
        numWantText == null ? 0 : digits(numWantText, MAX_NUMWANT, HttpErrors.UNPARSABLE_NUMWANT);
    int port = (int) digits(params.get("port"), MAX_PORT, HttpErrors.UNPARSABLE_PORT);
    IpAddress ip = address(params, client);
    return sanitizer.announce(
        new AnnounceRequest(
            infoHash,
            new Peer(peerId, ip, port),
            event,
            uploaded,
            downloaded,
            left,
            (int) Math.min(numWant, Integer.MAX_VALUE),
            numWantText != null,
            compact,
            flag(params.get("no_peer_id")),
            params));
  }

  /**
   * Parses and sanitises a scrape: at least one {@code info_hash}, cut to {@code
   * http.max_scrape_infohashes}; the swarms counted are those of {@code client}'s address family.
   *
   * @param params the request's parameters, route parameters included
   * @param client the client's address (see {@link io.karuta.net.ClientAddresses})
   * @throws ClientError {@link HttpErrors#NO_INFO_HASH} without an {@code info_hash}
   */
  public ScrapeRequest parseScrape(Params params, IpAddress client) {
    Objects.requireNonNull(client, "client");
    if (params.infoHashes().isEmpty()) {
      throw HttpErrors.NO_INFO_HASH;
    }
    return sanitizer.scrape(new ScrapeRequest(client.family(), params.infoHashes(), params));
  }

  private static Event event(String value) {
    if (value == null) {
      return Event.NONE;
    }
    try {
      return Event.parse(value);
    } catch (ClientError e) {
      throw HttpErrors.INVALID_EVENT;
    }
  }

  private static boolean flag(String value) {
    return value != null && !value.isEmpty() && !value.equals("0");
  }

  private static InfoHash onlyInfoHash(List<InfoHash> infoHashes) {
    if (infoHashes.isEmpty()) {
      throw HttpErrors.NO_INFO_HASH;
    }
    if (infoHashes.size() > 1) {
      throw HttpErrors.MULTIPLE_INFO_HASHES;
    }
    return infoHashes.get(0);
  }

  private static PeerId peerId(byte[] bytes) {
    if (bytes == null) {
      throw HttpErrors.MISSING_PEER_ID;
    }
    if (bytes.length != PeerId.LENGTH) {
      throw HttpErrors.INVALID_PEER_ID;
    }
    return PeerId.of(bytes);
  }

  /**
   * Reads a whole number of one or more decimal digits, leading zeros allowed, from 0 to {@code
   * max}; anything else, {@code null} included, throws {@code error}.
   */
  private static long digits(String text, long max, ClientError error) {
    if (text == null || text.isEmpty()) {
      throw error;
    }
    long value = 0;
    for (int i = 0; i < text.length(); i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9 || value > (max - digit) / 10) {
        throw error;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  private IpAddress address(Params params, IpAddress client) {
    if (!allowIpSpoofing) {
      return client;
    }
    String spoofed = params.get("ip");
    if (spoofed == null) {
      spoofed = params.get("ipv4");
    }
    if (spoofed == null) {
      spoofed = params.get("ipv6");
    }
    if (spoofed == null) {
      return client;
    }
    try {
      return IpAddress.parse(spoofed);
    } catch (IllegalArgumentException e) {
      throw HttpErrors.UNPARSABLE_IP;
    }
  }
}
