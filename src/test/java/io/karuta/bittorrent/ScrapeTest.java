package io.karuta.bittorrent;

import static io.karuta.bittorrent.Fixtures.IH;
import static io.karuta.bittorrent.Fixtures.IH2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Scrape} and {@link ScrapeResponse}. */
class ScrapeTest {

  @Test
  void needsAnInfoHash() {
    assertThrows(IllegalArgumentException.class, () -> new Scrape(null, 0, 0, 0));
  }

  @ParameterizedTest
  @CsvSource({"-1, 0, 0", "0, -1, 0", "0, 0, -1"})
  void countsCannotBeNegative(int complete, int incomplete, int downloaded) {
    assertThrows(
        IllegalArgumentException.class, () -> new Scrape(IH, complete, incomplete, downloaded));
  }

  @Test
  void anEmptySwarmCountsZero() {
    assertEquals(new Scrape(IH, 0, 0, 0), Scrape.empty(IH));
  }

  @Test
  void theResponseListIsAnImmutableCopyInOrder() {
    List<Scrape> files = new ArrayList<>(List.of(new Scrape(IH2, 1, 2, 3), Scrape.empty(IH)));
    ScrapeResponse response = new ScrapeResponse(files);
    files.clear();

    assertEquals(List.of(new Scrape(IH2, 1, 2, 3), Scrape.empty(IH)), response.files());
    assertThrows(UnsupportedOperationException.class, () -> response.files().add(Scrape.empty(IH)));
  }
}
