package io.karuta.bittorrent;

import static io.karuta.bittorrent.Fixtures.IH;
import static io.karuta.bittorrent.Fixtures.IH2;
import static io.karuta.bittorrent.Fixtures.scrape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScrapeRequestTest {

  @Test
  void needsAtLeastOneInfoHash() {
    assertThrows(IllegalArgumentException.class, Fixtures::scrape);
  }

  @Test
  void needsFamilyAndParams() {
    assertThrows(
        IllegalArgumentException.class, () -> new ScrapeRequest(null, List.of(IH), Params.empty()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ScrapeRequest(AddressFamily.IPV4, List.of(IH), null));
  }

  @Test
  void theListIsAnImmutableCopyInOrderWithDuplicates() {
    List<InfoHash> infoHashes = new ArrayList<>(List.of(IH2, IH, IH2));
    ScrapeRequest request = new ScrapeRequest(AddressFamily.IPV6, infoHashes, Params.empty());
    infoHashes.clear();

    assertEquals(List.of(IH2, IH, IH2), request.infoHashes());
    assertThrows(UnsupportedOperationException.class, () -> request.infoHashes().add(IH));
  }

  @Test
  void truncatedToKeepsTheFirstOnes() {
    ScrapeRequest request = scrape(IH, IH2, IH2);

    assertEquals(scrape(IH, IH2), request.truncatedTo(2));
    assertEquals(scrape(IH), request.truncatedTo(1));
    assertSame(request, request.truncatedTo(3));
    assertSame(request, request.truncatedTo(4));
  }
}
