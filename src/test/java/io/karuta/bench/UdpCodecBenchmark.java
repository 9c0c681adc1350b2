package io.karuta.bench;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.AnnounceResponse;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.ScrapeResponse;
import io.karuta.frontend.udp.ConnectionIds;
import io.karuta.frontend.udp.UdpCodec;
import io.karuta.frontend.udp.UdpRequest;
import java.nio.ByteBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * The BEP 15 codec ({@link UdpCodec}): decoding a connect, an announce (98 bytes, action 1) and a
 * scrape of 10 info-hashes from an IPv4 source, and writing the announce reply with 50 IPv4 peers
 * and the scrape reply with 10 entries. The announce and scrape carry a connection ID the real
 * {@link ConnectionIds} issued to the source, so each decode includes the HMAC check a served
 * request pays. Requests and replies are heap buffers reused for every call, as in the listener:
 * decoding never moves a buffer's position, and writing clears the reply buffer first. Scores are
 * nanoseconds per datagram.
 */
public class UdpCodecBenchmark extends CodecBenchmark {
  private static final long CONNECT_MAGIC = 0x41727101980L;
  private static final int CONNECT = 0;
  private static final int ANNOUNCE = 1;
  private static final int SCRAPE = 2;
  private static final int STARTED = 2;
  private static final int TRANSACTION_ID = 0x1234abcd;

  UdpCodec codec;
  ConnectionIds ids;
  IpAddress source;
  ByteBuffer connectRequest;
  ByteBuffer announceRequest;
  ByteBuffer scrapeRequest;
  AnnounceResponse announceResponse;
  ScrapeResponse scrapeResponse;
  ByteBuffer reply;

  @Setup
  public void setup() {
    codec = new UdpCodec(CodecData.SANITIZER, false);
    ids = CodecData.connectionIds();
    source = CodecData.CLIENT_V4;
    long connectionId = ids.generate(source);
    connectRequest =
        ByteBuffer.allocate(16).putLong(CONNECT_MAGIC).putInt(CONNECT).putInt(TRANSACTION_ID);
    connectRequest.flip();
    announceRequest = ByteBuffer.allocate(98).putLong(connectionId).putInt(ANNOUNCE);
    announceRequest.putInt(TRANSACTION_ID).put(CodecData.INFO_HASH.bytes());
    announceRequest.put(CodecData.PEER_ID.bytes()).putLong(0).putLong(1_000_000_000L).putLong(0);
    // Event, IP field (0: the source's), key, num_want, port.
    announceRequest.putInt(STARTED).putInt(0).putInt(0x5d8a1c3f);
    announceRequest.putInt(CodecData.PEER_COUNT).putShort((short) 6881).flip();
    scrapeRequest = ByteBuffer.allocate(16 + InfoHash.LENGTH * CodecData.SCRAPE_COUNT);
    scrapeRequest.putLong(connectionId).putInt(SCRAPE).putInt(TRANSACTION_ID);
    for (InfoHash infoHash : CodecData.SCRAPED) {
      scrapeRequest.put(infoHash.bytes());
    }
    scrapeRequest.flip();
    announceResponse = CodecData.announceResponse();
    scrapeResponse = CodecData.scrapeResponse();
    reply =
        ByteBuffer.allocate(
            Math.max(
                UdpCodec.maxAnnounceReplyLength(CodecData.SANITIZER.maxNumWant()),
                UdpCodec.maxScrapeReplyLength(CodecData.SANITIZER.maxScrapeInfoHashes())));
  }

  @Benchmark
  public UdpRequest decodeConnect() {
    return codec.decode(connectRequest, source, ids);
  }

  @Benchmark
  public UdpRequest decodeAnnounce() {
    return codec.decode(announceRequest, source, ids);
  }

  @Benchmark
  public UdpRequest decodeScrape() {
    return codec.decode(scrapeRequest, source, ids);
  }

  @Benchmark
  public ByteBuffer writeAnnounce() {
    UdpCodec.writeAnnounce(reply, TRANSACTION_ID, ANNOUNCE, AddressFamily.IPV4, announceResponse);
    return reply;
  }

  @Benchmark
  public ByteBuffer writeScrape() {
    UdpCodec.writeScrape(reply, TRANSACTION_ID, scrapeResponse);
    return reply;
  }
}
