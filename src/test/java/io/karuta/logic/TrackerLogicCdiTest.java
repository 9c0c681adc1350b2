package io.karuta.logic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.AnnounceRequest;
import io.karuta.bittorrent.AnnounceResponse;
import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.Event;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.PeerId;
import io.karuta.bittorrent.QueryParser;
import io.karuta.bittorrent.Scrape;
import io.karuta.bittorrent.ScrapeRequest;
import io.karuta.config.ConfigLookup;
import io.karuta.config.ConfigReader;
import io.karuta.metrics.MetricsProducer;
import io.karuta.metrics.TrackerMetrics;
import io.karuta.middleware.AnnounceContext;
import io.karuta.middleware.HookChain;
import io.karuta.middleware.PostHookInterceptor;
import io.karuta.middleware.PreHookInterceptor;
import io.karuta.middleware.ScrapeContext;
import io.karuta.storage.PeerStore;
import io.karuta.storage.PeerStoreProducer;
import io.karuta.storage.memory.MemoryPeerStore;
import io.karuta.storage.memory.MemoryStoreFactory;
import io.karuta.storage.redis.RedisStoreFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The request pipeline in a real CDI container (Weld, which Payara and WildFly both use): hooks
 * found by name, run by the interceptors in YAML order, rejecting, skipping, passing data, failing;
 * the response hook and the swarm update on a real memory store.
 */
class TrackerLogicCdiTest {
  private static final InfoHash TORRENT =
      InfoHash.fromHex("3532cf2d327fad8448c075b4cb42c8136964a435");

  private final List<Runnable> cleanups = new ArrayList<>();
  private WeldContainer container;

  @AfterEach
  void shutdown() {
    cleanups.forEach(Runnable::run);
    if (container != null) {
      container.shutdown();
    }
  }

  @Test
  void preHooksRunInListOrderAndPostHooksOnlyAfterTheReply() {
    start(
        "prehooks[0].name", "recording",
        "prehooks[0].options.label", "first",
        "prehooks[1].name", "recording",
        "prehooks[1].options.label", "second",
        "posthooks[0].name", "recording",
        "posthooks[0].options.label", "third");
    AnnounceContext context = logic().announce(announce(1, 0, Event.STARTED));
    assertEquals(List.of("announce first", "announce second"), journal().entries());
    assertEquals(
        new Scrape(TORRENT, 0, 0, 0),
        store().scrapeSwarm(TORRENT, AddressFamily.IPV4),
        "the store is not written before the reply");
    logic().afterReply(context);
    assertEquals(
        List.of("announce first", "announce second", "announce third"), journal().entries());
    assertEquals(new Scrape(TORRENT, 1, 0, 0), store().scrapeSwarm(TORRENT, AddressFamily.IPV4));
  }

  @Test
  void theResponseCarriesConfiguredIntervalsCountsAndPeers() {
    start("announce_interval", "20m", "min_announce_interval", "5m");
    AnnounceResponse first = logic().announce(announce(1, 100, Event.STARTED)).response();
    assertEquals(Duration.ofMinutes(20), first.interval());
    assertEquals(Duration.ofMinutes(5), first.minInterval());
    assertEquals(List.of(peer(1)), first.peers(), "alone: the requester sees itself");
    assertEquals(0, first.complete());
    assertEquals(1, first.incomplete());
    store().putLeecher(TORRENT, peer(1));
    AnnounceResponse second = logic().announce(announce(2, 100, Event.STARTED)).response();
    assertEquals(List.of(peer(1)), second.peers(), "the second peer sees the first");
    assertEquals(2, second.incomplete(), "the first and, as this announce leaves it, the second");
  }

  @Test
  void replyCountsAreTheSwarmAsTheAnnounceLeavesIt() {
    start();
    // The sequence of the interoperability report: A seeds, B leeches, B completes, C leeches;
    // then re-announces, role changes and stops.
    assertCounts(announce(1, 0, Event.STARTED), 1, 0);
    assertCounts(announce(2, 100, Event.STARTED), 1, 1);
    assertCounts(announce(2, 0, Event.COMPLETED), 2, 0);
    assertCounts(announce(3, 100, Event.STARTED), 2, 1);
    assertCounts(announce(3, 100, Event.NONE), 2, 1);
    assertCounts(announce(1, 0, Event.NONE), 2, 1);
    assertCounts(announce(1, 50, Event.NONE), 1, 2);
    assertCounts(announce(3, 0, Event.NONE), 2, 1);
    assertCounts(announce(2, 0, Event.STOPPED), 1, 1);
    assertCounts(announce(2, 0, Event.STOPPED), 1, 1);
    assertCounts(announce(4, 100, Event.STOPPED), 1, 1);
    assertCounts(announce(1, 50, Event.STOPPED), 1, 0);
    assertCounts(announce(3, 0, Event.STOPPED), 0, 0);
  }

  @Test
  void aLonePeerSeesItselfButIsCountedOnce() {
    start();
    AnnounceContext first = logic().announce(announce(1, 100, Event.STARTED));
    assertEquals(List.of(peer(1)), first.response().peers());
    assertEquals(1, first.response().incomplete());
    logic().afterReply(first);
    AnnounceContext again = logic().announce(announce(1, 100, Event.NONE));
    assertEquals(List.of(peer(1)), again.response().peers());
    assertEquals(0, again.response().complete());
    assertEquals(1, again.response().incomplete(), "not twice: chihaya counts it twice here");
  }

  @Test
  void whenAPreHookSkipsTheSwarmUpdateTheCountsStandStill() {
    start("prehooks[0].name", "skip", "prehooks[0].options.swarm", "true");
    store().putSeeder(TORRENT, peer(9));
    AnnounceResponse absent = logic().announce(announce(1, 10, Event.STARTED)).response();
    assertEquals(List.of(1, 0), List.of(absent.complete(), absent.incomplete()));
    store().putLeecher(TORRENT, peer(1));
    AnnounceResponse stopping = logic().announce(announce(1, 10, Event.STOPPED)).response();
    assertEquals(List.of(1, 1), List.of(stopping.complete(), stopping.incomplete()));
  }

  /** Announces, checks the reply's counts, stores it, and checks that a scrape agrees. */
  private void assertCounts(AnnounceRequest request, int complete, int incomplete) {
    AnnounceContext context = logic().announce(request);
    String what = request.peer().port() + " " + request.event() + " left=" + request.left();
    assertEquals(
        List.of(complete, incomplete),
        List.of(context.response().complete(), context.response().incomplete()),
        what + ": reply");
    logic().afterReply(context);
    Scrape scrape = store().scrapeSwarm(TORRENT, AddressFamily.IPV4);
    assertEquals(
        List.of(complete, incomplete),
        List.of(scrape.complete(), scrape.incomplete()),
        what + ": scrape after");
  }

  @Test
  void aPreHookCanChangeTheResponse() {
    start("announce_interval", "30m", "min_announce_interval", "15m", "prehooks[0].name", "longer");
    store().putSeeder(TORRENT, peer(9));
    AnnounceResponse response = logic().announce(announce(1, 10, Event.NONE)).response();
    assertEquals(Duration.ofMinutes(90), response.interval());
    assertEquals(Duration.ofMinutes(75), response.minInterval());
    assertEquals(List.of(peer(9)), response.peers(), "the response hook still ran");
  }

  @Test
  void theFirstRejectionStopsTheChain() {
    start(
        "prehooks[0].name", "reject",
        "prehooks[1].name", "recording",
        "prehooks[1].options.label", "never");
    ClientError error =
        assertThrows(ClientError.class, () -> logic().announce(announce(1, 0, Event.NONE)));
    assertSame(TestHooks.Reject.UNAPPROVED, error);
    assertEquals(List.of(), journal().entries());
    assertThrows(ClientError.class, () -> logic().announce(announce(2, 0, Event.NONE)));
    List<String> rejections = new java.util.ArrayList<>();
    for (io.karuta.metrics.Series series : container.select(TrackerMetrics.class).get().series()) {
      if (series instanceof io.karuta.metrics.CounterSeries counter
          && series.family().name().equals("karuta_hook_rejections_total")) {
        rejections.add(series.labels() + " " + counter.value());
      }
    }
    assertEquals(
        List.of(
            "[Label[name=hook, value=reject], Label[name=reason, value="
                + TestHooks.Reject.UNAPPROVED.getMessage()
                + "]] 2"),
        rejections,
        "the rejecting hook's counter, once per rejection; none for the hook never reached");
  }

  @Test
  void hooksCanSkipTheBuiltInSteps() {
    start(
        "prehooks[0].name", "skip",
        "prehooks[0].options.response", "true",
        "prehooks[0].options.swarm", "true");
    store().putSeeder(TORRENT, peer(9));
    AnnounceContext context = logic().announce(announce(1, 10, Event.STARTED));
    assertEquals(List.of(), context.response().peers(), "response hook skipped");
    assertEquals(0, context.response().complete());
    logic().afterReply(context);
    assertEquals(new Scrape(TORRENT, 1, 0, 0), store().scrapeSwarm(TORRENT, AddressFamily.IPV4));
  }

  @Test
  void dataPassesFromAPreHookToThePostHooksOfTheSameRequest() {
    start("prehooks[0].name", "hand over", "posthooks[0].name", "hand over");
    AnnounceContext context = logic().announce(announce(1, 10, Event.NONE));
    logic().afterReply(context);
    assertEquals(List.of("post-hook got peerKey1"), journal().entries());
  }

  @Test
  void anUnexpectedFailureIsAnInternalErrorAndIsLogged() {
    start("prehooks[0].name", "broken");
    List<LogRecord> logged = captureLogs(TrackerLogic.class);
    ClientError error =
        assertThrows(ClientError.class, () -> logic().announce(announce(1, 0, Event.NONE)));
    assertEquals("internal server error", error.getMessage());
    assertEquals(1, logged.size());
    assertEquals(Level.SEVERE, logged.get(0).getLevel());
    assertTrue(logged.get(0).getThrown().getMessage().contains("secret-detail"));
  }

  @Test
  void aFailingPostHookDoesNotLoseTheSwarmUpdate() {
    start("posthooks[0].name", "broken", "posthooks[1].name", "recording");
    List<LogRecord> logged = captureLogs(PostHookInterceptor.class);
    logic().afterReply(logic().announce(announce(1, 10, Event.STARTED)));
    assertEquals(List.of("announce unlabelled"), journal().entries());
    assertEquals(new Scrape(TORRENT, 0, 1, 0), store().scrapeSwarm(TORRENT, AddressFamily.IPV4));
    assertEquals(1, logged.size());
  }

  @Test
  void swarmUpdateFollowsTheEventRules() {
    start();
    update(announce(1, 10, Event.STARTED));
    assertEquals(new Scrape(TORRENT, 0, 1, 0), store().scrapeSwarm(TORRENT, AddressFamily.IPV4));
    update(announce(1, 0, Event.NONE));
    assertEquals(
        new Scrape(TORRENT, 1, 0, 0),
        store().scrapeSwarm(TORRENT, AddressFamily.IPV4),
        "left=0 moves the leecher to the seeders, without a stale leecher entry");
    update(announce(2, 10, Event.NONE));
    update(announce(2, 0, Event.COMPLETED));
    update(announce(2, 0, Event.COMPLETED));
    assertEquals(
        new Scrape(TORRENT, 2, 0, 1),
        store().scrapeSwarm(TORRENT, AddressFamily.IPV4),
        "completed counts one download per peer");
    update(announce(1, 0, Event.STOPPED));
    update(announce(3, 0, Event.STOPPED));
    assertEquals(new Scrape(TORRENT, 1, 0, 1), store().scrapeSwarm(TORRENT, AddressFamily.IPV4));
  }

  @Test
  void scrapesRunTheHooksAndAnswerInRequestOrder() {
    start("prehooks[0].name", "recording", "posthooks[0].name", "recording");
    store().putSeeder(TORRENT, peer(1));
    InfoHash unknown = InfoHash.fromHex("4532cf2d327fad8448c075b4cb42c8136964a435");
    ScrapeContext context =
        logic()
            .scrape(
                new ScrapeRequest(
                    AddressFamily.IPV4,
                    List.of(unknown, TORRENT, unknown),
                    QueryParser.parseQuery("/scrape", null)));
    assertEquals(
        List.of(Scrape.empty(unknown), new Scrape(TORRENT, 1, 0, 0), Scrape.empty(unknown)),
        context.response().files());
    logic().afterReply(context);
    assertEquals(List.of("scrape unlabelled", "scrape unlabelled"), journal().entries());
  }

  @Test
  void anUnknownHookNameStopsTheStart() {
    RuntimeException e =
        assertThrows(RuntimeException.class, () -> start("prehooks[0].name", "nope"));
    String message = rootMessage(e);
    assertTrue(message.contains("karuta.prehooks[0].name"), message);
    assertTrue(message.contains("'nope'"), message);
    assertTrue(message.contains("recording"), "lists the available hooks: " + message);
  }

  @Test
  void anUnknownHookOptionStopsTheStart() {
    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () -> start("posthooks[0].name", "recording", "posthooks[0].options.colour", "red"));
    String message = rootMessage(e);
    assertTrue(message.contains("karuta.posthooks[0].options.colour"), message);
  }

  @Test
  void theChainReportsItsConfiguredOrder() {
    start(
        "prehooks[0].name", "skip", "prehooks[1].name", "recording", "posthooks[0].name", "reject");
    HookChain chain = container.select(HookChain.class).get();
    assertEquals(List.of("skip", "recording"), chain.preHookNames());
    assertEquals(List.of("reject"), chain.postHookNames());
    assertFalse(chain.preHookNames().contains("reject"));
  }

  // ---- fixtures -------------------------------------------------------------------------------

  @Test
  void theStoreIsOneInstanceWithoutAProxyAndClosesWithTheApplication() {
    start();
    PeerStore store = store();
    assertSame(store, store(), "one store for the application");
    assertEquals(MemoryPeerStore.class, store.getClass(), "the instance itself, not a proxy");
    container.shutdown();
    container = null;
    assertThrows(IllegalStateException.class, () -> store.scrapeSwarm(TORRENT, AddressFamily.IPV4));
  }

  private void start(String... keysAndValues) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put("karuta." + keysAndValues[i], keysAndValues[i + 1]);
    }
    TestResources.config = ConfigReader.read(ConfigLookup.of(values));
    container =
        new Weld()
            .disableDiscovery()
            .addBeanClasses(
                TrackerLogic.class,
                MetricsProducer.class,
                ResponseHook.class,
                SwarmInteractionHook.class,
                HookChain.class,
                PeerStoreProducer.class,
                MemoryStoreFactory.class,
                RedisStoreFactory.class,
                TestResources.class,
                Journal.class,
                TestHooks.Recording.class,
                TestHooks.Reject.class,
                TestHooks.Skip.class,
                TestHooks.HandOver.class,
                TestHooks.Longer.class,
                TestHooks.Broken.class,
                // Enabled by their @Priority, as in the WAR: no beans.xml entry.
                PreHookInterceptor.class,
                PostHookInterceptor.class)
            .initialize();
    // As the tracker's start does: a bad hook entry stops it here.
    container.select(HookChain.class).get().preHookNames();
  }

  private void update(AnnounceRequest request) {
    logic().afterReply(logic().announce(request));
  }

  private TrackerLogic logic() {
    return container.select(TrackerLogic.class).get();
  }

  private Journal journal() {
    return container.select(Journal.class).get();
  }

  private PeerStore store() {
    return container.select(PeerStore.class).get();
  }

  private static Peer peer(int n) {
    return new Peer(
        PeerId.of(String.format("-KR0001-%012d", n).getBytes(StandardCharsets.US_ASCII)),
        IpAddress.parse("127.0.0.1"),
        6880 + n);
  }

  private static AnnounceRequest announce(int peer, long left, Event event) {
    return new AnnounceRequest(
        TORRENT,
        peer(peer),
        event,
        0,
        0,
        left,
        50,
        true,
        true,
        false,
        QueryParser.parseQuery("/announce", "key=peerKey" + peer));
  }

  private List<LogRecord> captureLogs(Class<?> source) {
    List<LogRecord> records = new ArrayList<>();
    Logger logger = Logger.getLogger(source.getName());
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(handler);
    cleanups.add(() -> logger.removeHandler(handler));
    return records;
  }

  private static String rootMessage(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append(" | ");
    }
    return all.toString();
  }
}
