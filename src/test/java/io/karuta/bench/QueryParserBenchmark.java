package io.karuta.bench;

import io.karuta.bittorrent.AnnounceRequest;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.Params;
import io.karuta.bittorrent.QueryParser;
import io.karuta.bittorrent.Sanitizer;
import io.karuta.config.HttpConfig;
import io.karuta.frontend.http.HttpRequestParser;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * Reading an HTTP tracker request: the raw query string into {@link Params} ({@link QueryParser}),
 * and, for an announce, on into a sanitised {@link AnnounceRequest} ({@link HttpRequestParser}),
 * which together are what every announce costs before the store is reached. The queries look like a
 * real client's: binary info-hash and peer-ID bytes percent-encoded except for the unreserved
 * characters (as libtorrent does), a started event, numwant 50 and compact peers; the scrape names
 * 10 info-hashes. Scores are nanoseconds per request.
 */
public class QueryParserBenchmark extends CodecBenchmark {
  String announcePath;
  String announceQuery;
  String scrapePath;
  String scrapeQuery;
  HttpRequestParser parser;

  @Setup
  public void setup() {
    announcePath = "/announce";
    announceQuery =
        "info_hash="
            + escape(CodecData.INFO_HASH.bytes())
            + "&peer_id="
            + escape(CodecData.PEER_ID.bytes())
            + "&port=6881&uploaded=0&downloaded=0&left=1000000000&event=started&numwant=50"
            + "&compact=1&key=5D8A1C3F";
    scrapePath = "/scrape";
    StringBuilder scrape = new StringBuilder();
    for (InfoHash infoHash : CodecData.SCRAPED) {
      scrape.append(scrape.isEmpty() ? "" : "&").append("info_hash=");
      scrape.append(escape(infoHash.bytes()));
    }
    scrapeQuery = scrape.toString();
    Sanitizer limits = CodecData.SANITIZER;
    parser =
        new HttpRequestParser(
            new HttpConfig(
                List.of(announcePath),
                List.of(scrapePath),
                false,
                "",
                List.of(),
                4096,
                limits.maxNumWant(),
                limits.defaultNumWant(),
                limits.maxScrapeInfoHashes()));
  }

  @Benchmark
  public Params announceQuery() {
    return QueryParser.parseQuery(announcePath, announceQuery);
  }

  @Benchmark
  public Params scrapeQuery() {
    return QueryParser.parseQuery(scrapePath, scrapeQuery);
  }

  @Benchmark
  public AnnounceRequest announce() {
    return parser.parseAnnounce(
        QueryParser.parseQuery(announcePath, announceQuery), CodecData.CLIENT_V4);
  }

  /** Percent-encodes all but the RFC 3986 unreserved characters, as libtorrent does. */
  private static String escape(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      char c = (char) (b & 0xFF);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", (int) c));
      }
    }
    return out.toString();
  }
}
