package io.karuta.middleware.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.Params;
import io.karuta.config.ConfigException;
import io.karuta.middleware.AnnounceContext;
import io.karuta.middleware.Hook;
import io.karuta.middleware.ReloadingFiles;
import io.karuta.middleware.ScrapeContext;
import io.karuta.testing.HookOptions;
import io.karuta.testing.Requests;
import io.karuta.testing.TrackerContainer;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.literal.NamedLiteral;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Torrent approval with chihaya's vectors (middleware/torrentapproval/torrentapproval_test.go), the
 * file source, scrapes and every option error. The reload under load is {@link
 * TorrentApprovalReloadTest}.
 */
class TorrentApprovalHookTest {
  static final String A = "3532cf2d327fad8448c075b4cb42c8136964a435";
  static final String B = "4532cf2d327fad8448c075b4cb42c8136964a435";
  static final String C = "5532cf2d327fad8448c075b4cb42c8136964a435";

  @TempDir Path dir;
  private final List<TorrentApprovalHook> hooks = new ArrayList<>();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    hooks.forEach(hook -> hook.files.close());
    scheduler.shutdownNow();
  }

  private TorrentApprovalHook hook(String... options) {
    TorrentApprovalHook hook = new TorrentApprovalHook();
    hook.files = ReloadingFiles.on(scheduler);
    hook.configure(HookOptions.of(options));
    hooks.add(hook);
    return hook;
  }

  private String file(String content) throws IOException {
    Path file = Files.createTempFile(dir, "hashes", ".txt");
    Files.writeString(file, content);
    return file.toString();
  }

  /** Returns whether {@code hook} answers an announce of {@code hex}. */
  static boolean approves(TorrentApprovalHook hook, String hex) {
    AnnounceContext context =
        new AnnounceContext(
            Requests.announce(InfoHash.fromHex(hex), "-KR0001-000000000001", ""), null);
    try {
      hook.handleAnnounce(context);
      return true;
    } catch (ClientError e) {
      assertSame(TorrentApprovalHook.UNAPPROVED_TORRENT, e);
      assertEquals("unapproved torrent", e.getMessage());
      return false;
    }
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource({
    "whitelist, " + A + ", " + A + ", true",
    "whitelist, " + A + ", " + B + ", false",
    "blacklist, " + A + ", " + A + ", false",
    "blacklist, " + A + ", " + B + ", true"
  })
  void chihayasVectors(String list, String listed, String announced, boolean approved) {
    assertEquals(approved, approves(hook(list, listed), announced));
  }

  @Test
  void hexIsReadInEitherCase() {
    TorrentApprovalHook hook = hook("whitelist", A.toUpperCase());
    assertTrue(approves(hook, A));
    assertTrue(approves(hook("blacklist", "3532CF2d327fad8448c075b4cb42c8136964A435"), B));
  }

  @Test
  void withoutAListEveryTorrentPasses() {
    assertTrue(approves(hook(), A));
    assertTrue(approves(hook("whitelist", ""), A));
  }

  @Test
  void theFilesHashesJoinTheInlineList() throws IOException {
    TorrentApprovalHook hook = hook("whitelist", A, "file", file("# approved\n" + B + "\n"));

    assertTrue(approves(hook, A));
    assertTrue(approves(hook, B));
    assertFalse(approves(hook, C));
  }

  @Test
  void aFileAloneWorksInTheModeItIsGiven() throws IOException {
    String hashes = file(B.toUpperCase() + "  # a bad torrent\n\n");

    TorrentApprovalHook blacklist = hook("file", hashes, "mode", "blacklist");
    assertTrue(approves(blacklist, A));
    assertFalse(approves(blacklist, B));

    TorrentApprovalHook whitelist = hook("file", hashes, "mode", "whitelist");
    assertFalse(approves(whitelist, A));
    assertTrue(approves(whitelist, B));

    assertTrue(approves(hook("file", hashes, "mode", "blacklist", "blacklist", C), A));
    assertFalse(approves(hook("file", hashes, "mode", "blacklist", "blacklist", C), C));
  }

  @Test
  void withAFileAnEmptyWhitelistApprovesNothing() throws IOException {
    TorrentApprovalHook hook = hook("file", file("# nothing approved yet\n"), "mode", "whitelist");

    assertFalse(approves(hook, A));
  }

  @Test
  void aScrapeIsNeverRefusedAndCountsZeroForEachHashThatIsNotApproved() {
    TorrentApprovalHook hook = hook("whitelist", A);
    ScrapeContext context =
        new ScrapeContext(
            Requests.scrape(
                Params.empty(), InfoHash.fromHex(B), InfoHash.fromHex(A), InfoHash.fromHex(B)));

    hook.handleScrape(context);

    assertTrue(context.countsZeroed(0));
    assertFalse(context.countsZeroed(1));
    assertTrue(context.countsZeroed(2));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "both lists | whitelist="
            + A
            + ";blacklist="
            + B
            + " | karuta.prehooks[0].options: using"
            + " both whitelist and blacklist is invalid",
        "not hex | whitelist="
            + A
            + ",xyz | karuta.prehooks[0].options.whitelist: invalid hash xyz",
        "odd length | blacklist=abc | karuta.prehooks[0].options.blacklist: invalid hash abc",
        "short | whitelist=abcd | karuta.prehooks[0].options.whitelist: hash abcd is not 20 bytes",
        "long | blacklist="
            + A
            + "00 | karuta.prehooks[0].options.blacklist: hash "
            + A
            + "00 is not 20 bytes",
        "mode without file | whitelist="
            + A
            + ";mode=whitelist | karuta.prehooks[0].options.mode: only used with file",
        "interval without file | reload_interval=5s | karuta.prehooks[0].options.reload_interval:"
            + " only used with file",
        "unknown key | blaclist=abc | karuta.prehooks[0].options.blaclist: unknown key; did you"
            + " mean karuta.prehooks[0].options.blacklist? (known keys under"
            + " karuta.prehooks[0].options.: blacklist, file, mode, reload_interval, whitelist)"
      })
  void badOptionsFailWithAFixedTextNamingTheKey(String why, String options, String message) {
    ConfigException e = assertThrows(ConfigException.class, () -> hook(HookOptions.pairs(options)));
    assertEquals(message, e.getMessage());
  }

  @Test
  void badFileOptionsFailNamingTheKey() throws IOException {
    String good = file(A + "\n");
    Path missing = dir.resolve("missing.txt");
    String bad = file("# line 1\n" + A + "\nzz\n");

    assertEquals(
        "karuta.prehooks[0].options.mode: missing; with file and neither whitelist nor blacklist,"
            + " say which the file is (allowed: blacklist, whitelist)",
        error("file", good));
    assertEquals(
        "karuta.prehooks[0].options.mode: 'blacklist' contradicts the whitelist given",
        error("file", good, "mode", "blacklist", "whitelist", B));
    assertEquals(
        "karuta.prehooks[0].options.mode: 'greylist' is not supported (allowed: blacklist,"
            + " whitelist)",
        error("file", good, "mode", "greylist"));
    assertEquals(
        "karuta.prehooks[0].options.file: cannot read " + missing + " (no such file)",
        error("file", missing.toString(), "mode", "whitelist"));
    assertEquals(
        "karuta.prehooks[0].options.file: " + bad + " line 3: invalid hash zz",
        error("file", bad, "mode", "whitelist"));
    assertEquals(
        "karuta.prehooks[0].options.reload_interval: '0s' is out of range (allowed: 1s to 24h)",
        error("file", good, "mode", "whitelist", "reload_interval", "0s"));
  }

  @Test
  void destroyingTheHookStopsItsPolls() throws IOException {
    WeldContainer container = TrackerContainer.start(Map.of(), TorrentApprovalHook.class);
    try {
      Instance<Hook> beans = container.select(Hook.class, NamedLiteral.of("torrent approval"));
      TorrentApprovalHook hook = (TorrentApprovalHook) beans.get();
      hook.configure(HookOptions.of("file", file(A + "\n"), "mode", "whitelist"));
      assertTrue(hook.files.polling());

      beans.destroy(hook); // what the hook chain does when the application stops

      assertFalse(hook.files.polling());
    } finally {
      container.shutdown();
    }
  }

  private String error(String... options) {
    return assertThrows(ConfigException.class, () -> hook(options)).getMessage();
  }
}
