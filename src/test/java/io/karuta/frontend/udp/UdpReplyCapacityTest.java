package io.karuta.frontend.udp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.config.ConfigLookup;
import io.karuta.config.ConfigReader;
import io.karuta.config.UdpConfig;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A worker's reply buffer holds the largest reply any setting allows, so nothing is cut. */
class UdpReplyCapacityTest {

  @ParameterizedTest(name = "max_numwant {0}, max_scrape_infohashes {1}")
  @CsvSource({"1, 50", "20, 50", "100, 50", "1000, 1000", "1, 1"})
  void holdsTheLargestReply(int maxNumWant, int maxScrape) {
    UdpConfig udp =
        ConfigReader.read(
                ConfigLookup.of(
                    Map.of(
                        "karuta.udp.max_numwant", String.valueOf(maxNumWant),
                        "karuta.udp.default_numwant", "1",
                        "karuta.udp.max_scrape_infohashes", String.valueOf(maxScrape))))
            .udp();
    int capacity = UdpListener.replyCapacity(udp);
    int hashesInADatagram = (UdpListener.DATAGRAM_CAPACITY - 16) / 20;
    assertTrue(capacity >= UdpCodec.maxScrapeReplyLength(Math.min(maxScrape, hashesInADatagram)));
    assertTrue(
        capacity
            >= UdpCodec.maxAnnounceReplyLength(Math.min(maxNumWant, UdpHandler.MAX_IPV6_PEERS)));
    assertTrue(capacity >= 20 + 6 * Math.min(maxNumWant, UdpHandler.MAX_IPV4_PEERS));
    assertTrue(capacity >= UdpCodec.errorLength("x".repeat(200)), "room for a hook's message");
  }
}
