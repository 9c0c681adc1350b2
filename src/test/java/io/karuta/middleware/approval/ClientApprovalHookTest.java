package io.karuta.middleware.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.ClientId;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.Params;
import io.karuta.config.ConfigException;
import io.karuta.logic.TrackerLogic;
import io.karuta.middleware.AnnounceContext;
import io.karuta.middleware.ScrapeContext;
import io.karuta.testing.HookOptions;
import io.karuta.testing.Requests;
import io.karuta.testing.TrackerContainer;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Client approval with chihaya's vectors (middleware/clientapproval/clientapproval_test.go), its
 * option errors and its wiring.
 */
class ClientApprovalHookTest {
  private static final InfoHash TORRENT =
      InfoHash.fromHex("3532cf2d327fad8448c075b4cb42c8136964a435");

  private static ClientApprovalHook hook(String... options) {
    ClientApprovalHook hook = new ClientApprovalHook();
    hook.configure(HookOptions.of(options));
    return hook;
  }

  /** Returns whether {@code hook} lets the peer with ID {@code peerId} announce. */
  private static boolean approves(ClientApprovalHook hook, String peerId) {
    AnnounceContext context = context(peerId);
    try {
      hook.handleAnnounce(context);
      return true;
    } catch (ClientError e) {
      assertSame(ClientApprovalHook.UNAPPROVED_CLIENT, e);
      assertEquals("unapproved client", e.getMessage());
      return false;
    }
  }

  private static AnnounceContext context(String peerId) {
    return new AnnounceContext(Requests.announce(TORRENT, peerId, ""), null);
  }

  @ParameterizedTest(name = "{0}: {1} {2}")
  @CsvSource({
    "whitelist, 010203, 01020304050607080900, true",
    "whitelist, 010203, 10203040506070809000, false",
    "blacklist, 010203, 00000000001234567890, true",
    "blacklist, 123456, 12345678900000000000, false"
  })
  void chihayasVectors(String list, String clientId, String peerId, boolean approved) {
    assertEquals(approved, approves(hook(list, clientId), peerId));
  }

  /**
   * The client-ID table of chihaya's bittorrent/client_id_test.go, read through the hook's
   * allocation-free key.
   */
  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "-AZ3034-6wfG2wk6wWLc | AZ3034", "-AZ3042-6ozMq5q6Q3NX | AZ3042",
        "-BS5820-oy4La2MWGEFj | BS5820", "-AR6360-6oZyyMWoOOBe | AR6360",
        "-AG2083-s1hiF8vGAAg0 | AG2083", "-AG3003-lEl2Mm4NEO4n | AG3003",
        "-MR1100-00HS~T7*65rm | MR1100", "-LK0140-ATIV~nbEQAMr | LK0140",
        "-KT2210-347143496631 | KT2210", "-TR0960-6ep6svaa61r4 | TR0960",
        "-XX1150-dv220cotgj4d | XX1150", "-AZ2504-192gwethivju | AZ2504",
        "-KT4310-3L4UvarKuqIu | KT4310", "-AZ2060-0xJQ02d4309O | AZ2060",
        "-BD0300-2nkdf08Jd890 | BD0300", "-A~0010-a9mn9DFkj39J | A~0010",
        "-UT2300-MNu93JKnm930 | UT2300", "-UT2300-KT4310KT4301 | UT2300",
        "T03A0----f089kjsdf6e | T03A0-", "S58B-----nKl34GoNb75 | S58B--",
        "M4-4-0--9aa757Efd5Bl | M4-4-0", "AZ2500BTeYUzyabAfo6U | AZ2500",
        "exbc0JdSklm834kj9Udf | exbc0J", "FUTB0L84j542mVc84jkd | FUTB0L",
        "XBT054d-8602Jn83NnF9 | XBT054", "OP1011affbecbfabeefb | OP1011",
        "-ML2.7.2-kgjjfkd9762 | ML2.7.", "-BOWA0C-SDLFJWEIORNM | BOWA0C",
        "Q1-0-0--dsn34DFn9083 | Q1-0-0", "Q1-10-0-Yoiumn39BDfO | Q1-10-",
        "346------SDFknl33408 | 346---", "QVOD0054ABFFEDCCDEDB | QVOD00"
      })
  void eachClientOfTheTableIsMatchedByItsClientId(String peerId, String clientId) {
    assertEquals(clientId, ClientId.of(Requests.peerId(peerId)).toString(), "the table itself");
    assertTrue(approves(hook("whitelist", clientId), peerId));
    assertFalse(approves(hook("whitelist", "ZZ9999"), peerId));
    assertFalse(approves(hook("blacklist", clientId + ",ZZ9999"), peerId));
    assertTrue(approves(hook("blacklist", "ZZ9999"), peerId));
  }

  @Test
  void withoutAListOrWithAnEmptyOneEveryClientPasses() {
    assertTrue(approves(hook(), "-AZ3034-6wfG2wk6wWLc"));
    assertTrue(approves(hook("whitelist", ""), "-AZ3034-6wfG2wk6wWLc"));
    assertTrue(approves(hook("whitelist", "", "blacklist", "AZ3034"), "-AZ3042-6ozMq5q6Q3NX"));
    assertFalse(approves(hook("whitelist", "", "blacklist", "AZ3034"), "-AZ3034-6wfG2wk6wWLc"));
  }

  @Test
  void scrapesAlwaysPass() {
    ScrapeContext context = new ScrapeContext(Requests.scrape(Params.empty(), TORRENT));
    hook("whitelist", "AZ3034").handleScrape(context);
    assertFalse(context.countsZeroed(0));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "both lists | whitelist=AZ2060;blacklist=TR0960 | karuta.prehooks[0].options: using"
            + " both whitelist and blacklist is invalid",
        "short | whitelist=AZ2060,AZ206 | karuta.prehooks[0].options.whitelist: client ID AZ206"
            + " must be 6 bytes",
        "long | blacklist=AZ20600 | karuta.prehooks[0].options.blacklist: client ID AZ20600 must"
            + " be 6 bytes",
        "not one byte each | whitelist=AZ206€ | karuta.prehooks[0].options.whitelist: client ID"
            + " AZ206€ must be 6 bytes"
      })
  void badOptionsFailWithAFixedTextNamingTheKey(String why, String options, String message) {
    ConfigException e = assertThrows(ConfigException.class, () -> hook(HookOptions.pairs(options)));
    assertEquals(message, e.getMessage());
  }

  @Test
  void anUnknownOptionIsNamedWithTheKnownOnes() {
    String message =
        assertThrows(ConfigException.class, () -> hook("whitelsit", "AZ2060")).getMessage();
    assertTrue(
        message.startsWith("karuta.prehooks[0].options.whitelsit: unknown key; did you mean"),
        message);
    assertTrue(message.endsWith(": blacklist, whitelist)"), message);
  }

  @Test
  void theHookIsFoundByItsNameAndRejectsThroughTheLogic() {
    WeldContainer container =
        TrackerContainer.start(
            Map.of(
                "karuta.prehooks[0].name", "client approval",
                "karuta.prehooks[0].options.whitelist", "AZ3034"),
            ClientApprovalHook.class);
    try {
      TrackerLogic logic = container.select(TrackerLogic.class).get();
      logic.announce(Requests.announce(TORRENT, "-AZ3034-6wfG2wk6wWLc", ""));
      ClientError e =
          assertThrows(
              ClientError.class,
              () -> logic.announce(Requests.announce(TORRENT, "-TR0960-6ep6svaa61r4", "")));
      assertEquals("unapproved client", e.getMessage());
    } finally {
      container.shutdown();
    }
  }

  @Test
  void aBadListStopsTheStart() {
    Map<String, String> config =
        Map.of(
            "karuta.prehooks[0].name", "client approval",
            "karuta.prehooks[0].options.whitelist", "AZ2060",
            "karuta.prehooks[0].options.blacklist", "TR0960");
    assertEquals(
        "hook 'client approval': karuta.prehooks[0].options: using both whitelist and blacklist"
            + " is invalid",
        TrackerContainer.startError(config, ClientApprovalHook.class));
  }
}
