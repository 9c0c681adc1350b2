package io.karuta.middleware.auth;

import static io.karuta.middleware.auth.Tokens.AUDIENCE;
import static io.karuta.middleware.auth.Tokens.ISSUER;
import static io.karuta.middleware.auth.Tokens.RSA;
import static io.karuta.middleware.auth.Tokens.TORRENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.AnnounceRequest;
import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.Event;
import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.PeerId;
import io.karuta.bittorrent.QueryParser;
import io.karuta.bittorrent.ScrapeRequest;
import io.karuta.config.ConfigException;
import io.karuta.logic.TrackerLogic;
import io.karuta.middleware.HookChain;
import io.karuta.middleware.varinterval.IntervalVariationHook;
import io.karuta.testing.TrackerContainer;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Both hooks found by their YAML names in a real CDI container and run by the tracker's logic: a
 * {@code jwt} entry followed by {@code interval variation}, and a bad option stopping the start
 * with the entry's key.
 */
class JwtHookCdiTest {
  private JwksServer jwks;
  private WeldContainer container;

  @BeforeEach
  void serveKeys() throws IOException {
    jwks = new JwksServer().serve(List.of(RSA));
  }

  @AfterEach
  void stop() {
    if (container != null) {
      container.shutdown();
    }
    jwks.close();
  }

  @Test
  void theHooksRunFromTheConfigurationInOrder() {
    start(Map.of());
    TrackerLogic logic = container.select(TrackerLogic.class).get();

    var context = logic.announce(announce("jwt=" + Tokens.rs256()));
    assertTrue(
        context.response().interval().compareTo(Duration.ofMinutes(30)) > 0,
        "interval variation ran after jwt accepted: " + context.response());

    ClientError missing =
        assertThrows(ClientError.class, () -> logic.announce(announce("key=abc")));
    assertEquals("unapproved request: missing jwt", missing.getMessage());
    ClientError invalid =
        assertThrows(ClientError.class, () -> logic.announce(announce("jwt=e30.e30.e30")));
    assertEquals("unapproved request: invalid jwt", invalid.getMessage());
    logic.scrape(
        new ScrapeRequest(
            AddressFamily.IPV4, List.of(TORRENT), QueryParser.parseQuery("/scrape", null)));
  }

  @Test
  void aBadOptionStopsTheStartNamingIt() {
    start(Map.of("karuta.prehooks[0].options.jwk_set_update_interval", "0s"));

    RuntimeException e =
        assertThrows(
            RuntimeException.class, () -> container.select(HookChain.class).get().preHookNames());
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    assertTrue(root instanceof ConfigException, root.toString());
    assertTrue(
        root.getMessage()
            .startsWith(
                "hook 'jwt': karuta.prehooks[0].options.jwk_set_update_interval: '0s' is out of"
                    + " range"),
        root.getMessage());
  }

  private void start(Map<String, String> changes) {
    Map<String, String> config = new HashMap<>();
    config.put("karuta.prehooks[0].name", "jwt");
    config.put("karuta.prehooks[0].options.issuer", ISSUER);
    config.put("karuta.prehooks[0].options.audience", AUDIENCE);
    config.put("karuta.prehooks[0].options.jwk_set_url", jwks.url().toString());
    config.put("karuta.prehooks[1].name", "interval variation");
    config.put("karuta.prehooks[1].options.modify_response_probability", "1");
    config.put("karuta.prehooks[1].options.max_increase_delta", "60");
    config.put("karuta.udp.addr", "");
    config.putAll(changes);
    container = TrackerContainer.start(config, JwtHook.class, IntervalVariationHook.class);
  }

  private static AnnounceRequest announce(String query) {
    Peer peer = new Peer(PeerId.of(new byte[20]), IpAddress.parse("10.0.0.1"), 6881);
    return new AnnounceRequest(
        TORRENT,
        peer,
        Event.STARTED,
        0,
        0,
        1,
        50,
        false,
        true,
        false,
        QueryParser.parseQuery("/announce", query));
  }
}
