package io.karuta.bittorrent;

import static io.karuta.bittorrent.Fixtures.IH;
import static io.karuta.bittorrent.Fixtures.IH2;
import static io.karuta.bittorrent.Fixtures.announce;
import static io.karuta.bittorrent.Fixtures.assertClientError;
import static io.karuta.bittorrent.Fixtures.peer;
import static io.karuta.bittorrent.Fixtures.scrape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SanitizerTest {
  private static final Sanitizer SANITIZER = new Sanitizer(100, 50, 3);
  private static final Peer PEER = peer("10.11.12.1", 6881);

  @Test
  void portZeroIsAClientError() {
    AnnounceRequest request = announce(peer("10.11.12.1", 0), 10, true);
    assertClientError(new ClientError("invalid port"), () -> SANITIZER.announce(request));
  }

  @Test
  void portZeroIsRefusedForIpv6Too() {
    AnnounceRequest request = announce(peer("2001:db8::1", 0), 0, false);
    assertClientError(ClientError.INVALID_PORT, () -> SANITIZER.announce(request));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 7, 50, 100, 1000})
  void withoutAClientValueTheDefaultApplies(int notProvided) {
    AnnounceRequest settled = SANITIZER.announce(announce(PEER, notProvided, false));
    assertEquals(50, settled.numWant());
  }

  @ParameterizedTest
  @CsvSource({
    "101,        100",
    "1000,       100",
    "2147483647, 100",
    "100,        100",
    "99,         99",
    "50,         50",
    "1,          1",
    "0,          0"
  })
  void aClientValueIsCappedAtTheMaximum(int requested, int expected) {
    AnnounceRequest settled = SANITIZER.announce(announce(PEER, requested, true));
    assertEquals(expected, settled.numWant());
  }

  @Test
  void settlingChangesOnlyNumWant() {
    AnnounceRequest request = announce(PEER, 500, true);
    AnnounceRequest within = announce(PEER, 20, true);

    assertEquals(request.withNumWant(100), SANITIZER.announce(request));
    assertEquals(within, SANITIZER.announce(within));
  }

  @ParameterizedTest
  @CsvSource({
    "0,   0,  1",
    "1,   2,  1",
    "-1,  0,  1",
    "10,  11, 1",
    "10,  -1, 1",
    "10,  5,  0",
    "10,  5,  -1"
  })
  void constructorChecksTheLimits(int maxNumWant, int defaultNumWant, int maxScrape) {
    assertThrows(
        IllegalArgumentException.class, () -> new Sanitizer(maxNumWant, defaultNumWant, maxScrape));
  }

  @ParameterizedTest
  @CsvSource({"1, 0, 1", "1, 1, 1", "10, 10, 74", "200, 50, 1"})
  void constructorAcceptsSaneLimits(int maxNumWant, int defaultNumWant, int maxScrape) {
    Sanitizer sanitizer = new Sanitizer(maxNumWant, defaultNumWant, maxScrape);
    assertEquals(defaultNumWant, sanitizer.announce(announce(PEER, 0, false)).numWant());
  }

  @Test
  void aScrapeIsTruncatedSilentlyInOrder() {
    ScrapeRequest request = scrape(IH2, IH, IH2, IH, IH2);
    assertEquals(List.of(IH2, IH, IH2), SANITIZER.scrape(request).infoHashes());
  }

  @Test
  void aScrapeWithinTheLimitIsKept() {
    ScrapeRequest atLimit = scrape(IH, IH2, IH);
    ScrapeRequest below = scrape(IH2);

    assertSame(atLimit, SANITIZER.scrape(atLimit));
    assertSame(below, SANITIZER.scrape(below));
  }

  @Test
  void truncationKeepsFamilyAndParams() {
    Params params = QueryParser.parseQuery("/scrape", "passkey=x");
    ScrapeRequest request =
        new ScrapeRequest(AddressFamily.IPV6, List.of(IH, IH2, IH, IH2), params);

    ScrapeRequest truncated = new Sanitizer(10, 5, 2).scrape(request);

    assertEquals(new ScrapeRequest(AddressFamily.IPV6, List.of(IH, IH2), params), truncated);
  }
}
