package io.karuta.bench;

import io.karuta.bittorrent.AnnounceRequest;
import io.karuta.bittorrent.AnnounceResponse;
import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.ScrapeResponse;
import io.karuta.frontend.http.HttpErrors;
import io.karuta.frontend.http.HttpResponseWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * The bencoded bodies of HTTP tracker replies ({@link HttpResponseWriter}), one per request. The
 * announce reply carries 50 random IPv4 peers, the default numwant: compact (BEP 23), which nearly
 * every client asks for, and as dictionaries with peer IDs, the costliest form since every address
 * is written as text. The scrape reply names 10 info-hashes, a client scraping its active torrents;
 * the failure reply is the one a malformed announce gets. Scores are nanoseconds per reply.
 */
public class BencodeBenchmark extends CodecBenchmark {
  AnnounceRequest compactRequest;
  AnnounceRequest dictionaryRequest;
  AnnounceResponse announceResponse;
  ScrapeResponse scrapeResponse;
  ClientError failure;

  @Setup
  public void setup() {
    compactRequest = CodecData.announceRequest(true);
    dictionaryRequest = CodecData.announceRequest(false);
    announceResponse = CodecData.announceResponse();
    scrapeResponse = CodecData.scrapeResponse();
    failure = HttpErrors.INVALID_PEER_ID;
  }

  @Benchmark
  public byte[] announceCompact() {
    return HttpResponseWriter.announce(compactRequest, announceResponse);
  }

  @Benchmark
  public byte[] announceDictionary() {
    return HttpResponseWriter.announce(dictionaryRequest, announceResponse);
  }

  @Benchmark
  public byte[] scrape() {
    return HttpResponseWriter.scrape(scrapeResponse);
  }

  @Benchmark
  public byte[] failure() {
    return HttpResponseWriter.failure(failure);
  }
}
