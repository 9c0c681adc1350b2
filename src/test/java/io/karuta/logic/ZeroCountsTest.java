package io.karuta.logic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.Params;
import io.karuta.bittorrent.Scrape;
import io.karuta.middleware.Hook;
import io.karuta.middleware.ScrapeContext;
import io.karuta.testing.Requests;
import io.karuta.testing.TrackerContainer;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A pre-hook hides torrents from a scrape without failing it: those entries count zero. */
class ZeroCountsTest {
  private static final InfoHash SHOWN =
      InfoHash.fromHex("3532cf2d327fad8448c075b4cb42c8136964a435");
  private static final InfoHash HIDDEN =
      InfoHash.fromHex("4532cf2d327fad8448c075b4cb42c8136964a435");

  private WeldContainer container;

  /** Zeroes every position whose info-hash is {@link #HIDDEN}. */
  @Dependent
  @Named("hide")
  public static class Hide implements Hook {
    @Override
    public void handleScrape(ScrapeContext context) {
      List<InfoHash> infoHashes = context.request().infoHashes();
      for (int i = 0; i < infoHashes.size(); i++) {
        if (infoHashes.get(i).equals(HIDDEN)) {
          context.zeroCounts(i);
        }
      }
    }
  }

  @AfterEach
  void stop() {
    if (container != null) {
      container.shutdown();
    }
  }

  @Test
  void zeroedPositionsCountZeroAndTheOthersComeFromTheStore() {
    container = TrackerContainer.start(Map.of("karuta.prehooks[0].name", "hide"), Hide.class);
    TrackerLogic logic = container.select(TrackerLogic.class).get();
    for (InfoHash infoHash : List.of(SHOWN, HIDDEN)) {
      logic.afterReply(logic.announce(Requests.announce(infoHash, "-KR0001-000000000001", "")));
    }

    ScrapeContext scrape =
        logic.scrape(Requests.scrape(Params.empty(), HIDDEN, SHOWN, HIDDEN, SHOWN));

    assertEquals(
        List.of(
            Scrape.empty(HIDDEN),
            new Scrape(SHOWN, 0, 1, 0),
            Scrape.empty(HIDDEN),
            new Scrape(SHOWN, 0, 1, 0)),
        scrape.response().files());
  }

  @Test
  void positionsOutsideTheRequestAreRefused() {
    ScrapeContext context = new ScrapeContext(Requests.scrape(Params.empty(), SHOWN));
    assertFalse(context.countsZeroed(0));
    assertThrows(IndexOutOfBoundsException.class, () -> context.zeroCounts(1));
    assertThrows(IndexOutOfBoundsException.class, () -> context.zeroCounts(-1));
  }
}
