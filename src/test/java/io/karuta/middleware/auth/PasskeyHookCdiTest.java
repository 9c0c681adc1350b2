package io.karuta.middleware.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.QueryParser;
import io.karuta.bittorrent.bencode.BencodeReader;
import io.karuta.frontend.http.HttpFrontend;
import io.karuta.frontend.http.HttpReply;
import io.karuta.logic.TrackerLogic;
import io.karuta.middleware.Hook;
import io.karuta.testing.HookOptions;
import io.karuta.testing.Requests;
import io.karuta.testing.TrackerContainer;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The passkey hook in a real container behind the HTTP frontend: where the passkey comes from, what
 * clients see, scrapes, and an integrator's resolver replacing the file-backed one.
 */
class PasskeyHookCdiTest {
  private static final String HASH = "%124Vx%9A%BC%DE%F1%23Eg%89%AB%CD%EF%124Vx%9A";
  private static final String ANNOUNCE =
      "info_hash="
          + HASH
          + "&peer_id=-qB4650-abcdefghijkl&port=6881&uploaded=0&downloaded=0&left=1000&compact=1";
  private static final String SCRAPE = "info_hash=" + HASH;
  private static final String MISSING = "unapproved request: missing passkey";
  private static final String INVALID = "unapproved request: invalid passkey";

  @TempDir Path dir;
  private WeldContainer container;

  /** An integrator's resolver: accepts one passkey, with no file at all. */
  @ApplicationScoped
  @Alternative
  @Priority(Interceptor.Priority.APPLICATION)
  public static class SiteResolver implements PasskeyResolver {
    @Override
    public boolean isValid(String passkey) {
      return passkey.equals("from-the-site-db");
    }
  }

  @AfterEach
  void stop() {
    if (container != null) {
      container.shutdown();
    }
  }

  private void start(Map<String, String> hookOptions, Class<?>... beans) {
    Map<String, String> config = new HashMap<>();
    config.put("karuta.http.announce_routes", "/announce,/:passkey/announce");
    config.put("karuta.http.scrape_routes", "/scrape,/:passkey/scrape");
    config.put("karuta.prehooks[0].name", "passkey");
    hookOptions.forEach((key, value) -> config.put("karuta.prehooks[0].options." + key, value));
    container = TrackerContainer.start(config, beans);
  }

  private void startWithFile(String... moreOptions) throws IOException {
    Path file = dir.resolve("passkeys.txt");
    Files.writeString(file, "s3cret\n");
    Map<String, String> options = new HashMap<>(Map.of("passkeys_file", file.toString()));
    for (int i = 0; i < moreOptions.length; i += 2) {
      options.put(moreOptions[i], moreOptions[i + 1]);
    }
    start(options, HttpFrontend.class, PasskeyHook.class, FilePasskeyResolver.class);
  }

  /** Returns the failure reason of the reply, or {@code null} for a tracker answer. */
  private String failure(String path, String query) {
    HttpReply reply =
        container.select(HttpFrontend.class).get().handle(path, query, "127.0.0.1", name -> null);
    assertEquals(200, reply.status());
    @SuppressWarnings("unchecked")
    Map<String, Object> body = (Map<String, Object>) BencodeReader.decode(reply.body());
    byte[] reason = (byte[]) body.get("failure reason");
    return reason == null ? null : new String(reason, StandardCharsets.UTF_8);
  }

  @Test
  void thePasskeyComesFromThePathOrElseFromTheQuery() throws IOException {
    startWithFile();

    assertEquals(null, failure("/s3cret/announce", ANNOUNCE));
    assertEquals(null, failure("/s3%63ret/announce", ANNOUNCE), "percent-decoded like a query");
    assertEquals(null, failure("/announce", ANNOUNCE + "&passkey=s3cret"));
    assertEquals(INVALID, failure("/wrong/announce", ANNOUNCE + "&passkey=s3cret"), "path wins");
    assertEquals(INVALID, failure("/announce", ANNOUNCE + "&passkey=wrong"));
    assertEquals(INVALID, failure("/s3cret%zz/announce", ANNOUNCE));
    assertEquals(MISSING, failure("/announce", ANNOUNCE));
    assertEquals(MISSING, failure("/announce", ANNOUNCE + "&passkey="));
  }

  @Test
  void scrapesAreCheckedByDefault() throws IOException {
    startWithFile();

    assertEquals(null, failure("/s3cret/scrape", SCRAPE));
    assertEquals(null, failure("/scrape", SCRAPE + "&passkey=s3cret"));
    assertEquals(INVALID, failure("/wrong/scrape", SCRAPE));
    assertEquals(MISSING, failure("/scrape", SCRAPE));
  }

  @Test
  void scrapeFalseLetsScrapesThroughButNotAnnounces() throws IOException {
    startWithFile("scrape", "false");

    assertEquals(null, failure("/scrape", SCRAPE));
    assertEquals(MISSING, failure("/announce", ANNOUNCE));
  }

  @Test
  void udpUrlDataCarriesThePasskeyAsAQueryParameter() throws IOException {
    startWithFile();
    TrackerLogic logic = container.select(TrackerLogic.class).get();
    InfoHash torrent = InfoHash.fromHex("3532cf2d327fad8448c075b4cb42c8136964a435");

    logic.announce(
        Requests.announce(
            torrent, "-KR0001-000000000001", QueryParser.parseUri("/announce?passkey=s3cret")));
    ClientError refused =
        assertThrows(
            ClientError.class,
            () ->
                logic.announce(
                    Requests.announce(
                        torrent,
                        "-KR0001-000000000001",
                        QueryParser.parseUri("/announce?passkey=nope"))));
    assertEquals(INVALID, refused.getMessage());
  }

  @Test
  void anIntegratorsResolverReplacesTheFileOne() {
    // No passkeys_file: the file resolver would refuse to start without one.
    start(
        Map.of(),
        HttpFrontend.class,
        PasskeyHook.class,
        FilePasskeyResolver.class,
        SiteResolver.class);

    assertEquals(null, failure("/from-the-site-db/announce", ANNOUNCE));
    assertEquals(INVALID, failure("/s3cret/announce", ANNOUNCE));
    assertEquals(MISSING, failure("/announce", ANNOUNCE));
  }

  @Test
  void destroyingTheHookStopsTheFilePolls() throws IOException {
    start(Map.of(), PasskeyHook.class, FilePasskeyResolver.class);
    Path file = Files.writeString(dir.resolve("passkeys.txt"), "s3cret\n");
    Instance<Hook> beans = container.select(Hook.class, NamedLiteral.of("passkey"));
    PasskeyHook hook = (PasskeyHook) beans.get();
    hook.configure(HookOptions.of("passkeys_file", file.toString()));
    FilePasskeyResolver resolver = (FilePasskeyResolver) hook.resolver;
    assertTrue(resolver.files.polling());

    beans.destroy(hook); // what the hook chain does when the application stops

    assertFalse(resolver.files.polling(), "the hook's own resolver is destroyed with it");
  }

  @Test
  void optionsTheResolverDoesNotReadStopTheStart() {
    Map<String, String> config = new HashMap<>();
    config.put("karuta.prehooks[0].name", "passkey");
    config.put("karuta.prehooks[0].options.passkeys_file", "/etc/karuta/passkeys.txt");
    String message =
        TrackerContainer.startError(
            config, PasskeyHook.class, FilePasskeyResolver.class, SiteResolver.class);
    assertTrue(
        message.startsWith("hook 'passkey': karuta.prehooks[0].options.passkeys_file: unknown key"),
        message);
    assertTrue(message.endsWith("(known keys under karuta.prehooks[0].options.: scrape)"), message);
  }

  @Test
  void aBadScrapeOptionStopsTheStart() {
    Map<String, String> config = new HashMap<>();
    config.put("karuta.prehooks[0].name", "passkey");
    config.put("karuta.prehooks[0].options.scrape", "yes");
    assertEquals(
        "hook 'passkey': karuta.prehooks[0].options.scrape: 'yes' is not a boolean (allowed: true,"
            + " false)",
        TrackerContainer.startError(
            config, PasskeyHook.class, FilePasskeyResolver.class, SiteResolver.class));
  }
}
