package io.karuta.cli.client;

import io.karuta.bittorrent.InfoHash;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Builds the request URIs of an HTTP tracker from its announce URL. */
final class HttpUrls {
  private static final String ANNOUNCE = "announce";

  private HttpUrls() {}

  /**
   * Returns the scrape URL by BEP 48's convention: the announce URL with the {@code announce} that
   * starts its last path segment replaced by {@code scrape} ({@code /x/announce.php?k=1} gives
   * {@code /x/scrape.php?k=1}); empty when the last segment does not start with {@code announce},
   * which means the tracker has no scrape.
   */
  static Optional<URI> scrapeUrl(URI announce) {
    String path = announce.getRawPath() == null ? "" : announce.getRawPath();
    int slash = path.lastIndexOf('/');
    if (slash < 0 || !path.startsWith(ANNOUNCE, slash + 1)) {
      return Optional.empty();
    }
    String scrapePath =
        path.substring(0, slash + 1) + "scrape" + path.substring(slash + 1 + ANNOUNCE.length());
    return Optional.of(withPath(announce, scrapePath));
  }

  /**
   * Returns the announce request: {@code url} with the announce parameters appended to its query (a
   * passkey already in the query stays in front).
   */
  static URI announce(URI url, AnnounceQuery query) {
    StringBuilder q = new StringBuilder(256);
    q.append("info_hash=").append(PercentEncoding.encode(query.infoHash().bytes()));
    q.append("&peer_id=").append(PercentEncoding.encode(query.peerId().bytes()));
    q.append("&port=").append(query.port());
    q.append("&uploaded=").append(query.uploaded());
    q.append("&downloaded=").append(query.downloaded());
    q.append("&left=").append(query.left());
    switch (query.event()) {
      case STARTED -> q.append("&event=started");
      case STOPPED -> q.append("&event=stopped");
      case COMPLETED -> q.append("&event=completed");
      case NONE -> {}
    }
    q.append("&numwant=").append(query.numWant());
    q.append("&key=").append(String.format("%08x", query.key()));
    q.append("&compact=").append(query.compact() ? 1 : 0);
    return withQuery(url, q);
  }

  /** Returns the scrape request of {@code infoHashes} on {@code scrapeUrl}. */
  static URI scrape(URI scrapeUrl, List<InfoHash> infoHashes) {
    StringBuilder q = new StringBuilder(64 * infoHashes.size());
    for (InfoHash infoHash : infoHashes) {
      if (q.length() > 0) {
        q.append('&');
      }
      q.append("info_hash=").append(PercentEncoding.encode(infoHash.bytes()));
    }
    return withQuery(scrapeUrl, q);
  }

  private static URI withQuery(URI url, CharSequence parameters) {
    String query = url.getRawQuery();
    String joined =
        query == null || query.isEmpty() ? parameters.toString() : query + "&" + parameters;
    return URI.create(
        base(url) + (url.getRawPath() == null ? "" : url.getRawPath()) + "?" + joined);
  }

  private static URI withPath(URI url, String rawPath) {
    String query = url.getRawQuery();
    return URI.create(base(url) + rawPath + (query == null ? "" : "?" + query));
  }

  private static String base(URI url) {
    return url.getScheme() + "://" + url.getRawAuthority();
  }
}
