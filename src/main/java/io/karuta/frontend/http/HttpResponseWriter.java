package io.karuta.frontend.http;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.AnnounceRequest;
import io.karuta.bittorrent.AnnounceResponse;
import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.PeerId;
import io.karuta.bittorrent.Scrape;
import io.karuta.bittorrent.ScrapeResponse;
import io.karuta.bittorrent.bencode.BencodeWriter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Writes the bodies of HTTP tracker replies as canonical bencode (BEP 3): dictionary keys sorted by
 * raw bytes, so the order is {@code complete}, {@code incomplete}, {@code interval}, {@code min
 * interval}, {@code peers}, {@code peers6}. Every reply goes out as HTTP 200.
 *
 * <p>Each reply uses a few small buffers of its own. They are deliberately not kept in a {@code
 * ThreadLocal}: the threads are the container's, and a value of this application's classes left on
 * them would keep the whole application in memory after an undeploy. Stateless and thread-safe.
 */
public final class HttpResponseWriter {
  /** A thread keeps its buffers only while they stay below this size. */
  private static final byte[] NO_PEERS = new byte[0];

  private static final Comparator<Scrape> BY_INFO_HASH =
      (a, b) -> compare(a.infoHash(), b.infoHash());

  private HttpResponseWriter() {}

  /**
   * Writes an announce reply: {@code complete}, {@code incomplete}, {@code interval} and {@code min
   * interval} in whole seconds (truncated; a {@code min interval} under one second sets no minimum
   * and is left out), then the peers.
   *
   * <ul>
   *   <li>Compact ({@link AnnounceRequest#compact()}, BEP 23 and BEP 7): an IPv4 requester gets
   *       {@code peers}, 6 bytes per peer, and no {@code peers6}; an IPv6 requester gets {@code
   *       peers6}, 18 bytes per peer, and an empty {@code peers}. {@code peers} is never left out,
   *       even when empty: some clients fail without it (BEP 7 adds {@code peers6} beside it).
   *       Peers of the other family, which the tracker logic never returns, are left out.
   *   <li>Otherwise {@code peers} is a list of {@code {ip, peer id, port}} dictionaries with the
   *       address as text; {@code peer id} is left out when the client sent {@code no_peer_id}.
   * </ul>
   */
  public static byte[] announce(AnnounceRequest request, AnnounceResponse response) {
    Buffers buffers = new Buffers();
    BencodeWriter w = buffers.start();
    w.beginDict().key("complete").value(response.complete());
    w.key("incomplete").value(response.incomplete());
    w.key("interval").value(response.interval().getSeconds());
    long minInterval = response.minInterval().getSeconds();
    if (minInterval > 0) {
      w.key("min interval").value(minInterval);
    }
    if (!request.compact()) {
      dictionaryPeers(buffers, response.peers(), !request.noPeerId());
    } else {
      int length = compactPeers(buffers, request.family(), response.peers());
      if (request.family() == AddressFamily.IPV4) {
        w.key("peers").value(buffers.scratch, 0, length);
      } else {
        w.key("peers").value(NO_PEERS).key("peers6").value(buffers.scratch, 0, length);
      }
    }
    return buffers.finish(w.endDict());
  }

  /**
   * Writes a scrape reply (BEP 48): {@code {files: {<20-byte info-hash>: {complete, downloaded,
   * incomplete}}}}, the info-hashes in byte order, each once (the first entry wins when one is
   * listed twice).
   */
  public static byte[] scrape(ScrapeResponse response) {
    Buffers buffers = new Buffers();
    BencodeWriter w = buffers.start();
    List<Scrape> files = response.files();
    Scrape[] sorted = files.toArray(new Scrape[0]);
    // A stable sort, so the first of two entries for one hash comes first and is kept.
    Arrays.sort(sorted, BY_INFO_HASH);
    w.beginDict().key("files").beginDict();
    InfoHash previous = null;
    for (Scrape file : sorted) {
      if (file.infoHash().equals(previous)) {
        continue;
      }
      previous = file.infoHash();
      file.infoHash().writeTo(buffers.hash, 0);
      w.key(buffers.hash).beginDict().key("complete").value(file.complete());
      w.key("downloaded").value(file.downloaded()).key("incomplete").value(file.incomplete());
      w.endDict();
    }
    return buffers.finish(w.endDict().endDict());
  }

  /**
   * Writes a failure reply: {@code {failure reason: <the error's message>}}, and {@code retry in}
   * (BEP 31, an integer number of minutes) when the error carries a retry hint. Both keys in byte
   * order ({@code failure reason} &lt; {@code retry in}).
   */
  public static byte[] failure(ClientError error) {
    Buffers buffers = new Buffers();
    BencodeWriter w = buffers.start();
    w.beginDict().key("failure reason").value(error.getMessage());
    if (error.retryInMinutes() != ClientError.NO_RETRY_HINT) {
      w.key("retry in").value(error.retryInMinutes());
    }
    return buffers.finish(w.endDict());
  }

  /** Writes the {@code family} peers into the scratch array and returns how many bytes. */
  private static int compactPeers(Buffers buffers, AddressFamily family, List<Peer> peers) {
    byte[] out = buffers.scratch(peers.size() * family.compactPeerLength());
    int length = 0;
    for (int i = 0; i < peers.size(); i++) {
      Peer peer = peers.get(i);
      if (peer.family() != family) {
        continue;
      }
      peer.ip().writeTo(out, length);
      length += family.addressLength();
      out[length++] = (byte) (peer.port() >>> 8);
      out[length++] = (byte) peer.port();
    }
    return length;
  }

  private static void dictionaryPeers(Buffers buffers, List<Peer> peers, boolean withPeerId) {
    BencodeWriter w = buffers.writer;
    w.key("peers").beginList();
    byte[] id = buffers.scratch(PeerId.LENGTH);
    for (int i = 0; i < peers.size(); i++) {
      Peer peer = peers.get(i);
      w.beginDict().key("ip").value(peer.ip().toString());
      if (withPeerId) {
        peer.id().writeTo(id, 0);
        w.key("peer id").value(id, 0, PeerId.LENGTH);
      }
      w.key("port").value(peer.port()).endDict();
    }
    w.endList();
  }

  /** Compares info-hashes as unsigned big-endian numbers, which is their order as raw bytes. */
  private static int compare(InfoHash a, InfoHash b) {
    int order = Long.compareUnsigned(a.high(), b.high());
    if (order == 0) {
      order = Long.compareUnsigned(a.middle(), b.middle());
    }
    return order != 0 ? order : Integer.compareUnsigned(a.low(), b.low());
  }

  /** One thread's writer and scratch arrays. */
  private static final class Buffers {
    final BencodeWriter writer = new BencodeWriter(256);
    final byte[] hash = new byte[InfoHash.LENGTH];
    byte[] scratch = new byte[64];

    BencodeWriter start() {
      writer.reset();
      return writer;
    }

    byte[] scratch(int size) {
      if (scratch.length < size) {
        scratch = new byte[Math.max(size, 2 * scratch.length)];
      }
      return scratch;
    }

    byte[] finish(BencodeWriter finished) {
      return finished.toByteArray();
    }
  }
}
