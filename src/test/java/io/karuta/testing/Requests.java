package io.karuta.testing;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.AnnounceRequest;
import io.karuta.bittorrent.Event;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.Params;
import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.PeerId;
import io.karuta.bittorrent.QueryParser;
import io.karuta.bittorrent.ScrapeRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Sanitised requests for tests of hooks and of the logic, built from readable values. */
public final class Requests {
  private Requests() {}

  /** Returns the peer ID whose 20 bytes are the characters of {@code text}. */
  public static PeerId peerId(String text) {
    return PeerId.of(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /**
   * Returns a leecher's announce of {@code infoHash} from 127.0.0.1 by the peer whose ID is {@code
   * peerId} (20 characters), with the parameters of {@code rawQuery} ({@code null} for none).
   */
  public static AnnounceRequest announce(InfoHash infoHash, String peerId, String rawQuery) {
    return announce(infoHash, peerId, QueryParser.parseQuery("/announce", rawQuery));
  }

  /** Returns the announce of {@link #announce(InfoHash, String, String)} with {@code params}. */
  public static AnnounceRequest announce(InfoHash infoHash, String peerId, Params params) {
    Peer peer = new Peer(peerId(peerId), IpAddress.parse("127.0.0.1"), 6881);
    return new AnnounceRequest(
        infoHash, peer, Event.NONE, 0, 0, 1000, 50, true, true, false, params);
  }

  /** Returns an IPv4 scrape of {@code infoHashes} with the given parameters. */
  public static ScrapeRequest scrape(Params params, InfoHash... infoHashes) {
    return new ScrapeRequest(AddressFamily.IPV4, List.of(infoHashes), params);
  }
}
