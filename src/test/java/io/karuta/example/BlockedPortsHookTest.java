package io.karuta.example;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.AnnounceRequest;
import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.Event;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.Params;
import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.PeerId;
import io.karuta.config.ConfigException;
import io.karuta.middleware.AnnounceContext;
import io.karuta.testing.HookOptions;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The example hook without a container: which ports it refuses, and its option errors. */
class BlockedPortsHookTest {
  private static final InfoHash TORRENT =
      InfoHash.fromHex("3532cf2d327fad8448c075b4cb42c8136964a435");
  private static final PeerId PEER =
      PeerId.of("-KR0001-000000000001".getBytes(StandardCharsets.ISO_8859_1));

  private static BlockedPortsHook hook(String ports) {
    BlockedPortsHook hook = new BlockedPortsHook();
    hook.configure(HookOptions.of(BlockedPortsHook.PORTS, ports));
    return hook;
  }

  private static AnnounceContext announceFrom(int port) {
    Peer peer = new Peer(PEER, IpAddress.parse("127.0.0.1"), port);
    return new AnnounceContext(
        new AnnounceRequest(
            TORRENT, peer, Event.NONE, 0, 0, 1000, 50, true, true, false, Params.empty()),
        null);
  }

  @ParameterizedTest(name = "ports {0}: {1} is refused")
  @CsvSource(
      delimiter = '|',
      value = {"25 | 25", "'25,6666' | 6666", "' 1 , 65535' | 1", "'1,65535' | 65535"})
  void refusesAListedPortWithTheFixedText(String ports, int port) {
    ClientError error =
        assertThrows(ClientError.class, () -> hook(ports).handleAnnounce(announceFrom(port)));
    assertSame(BlockedPortsHook.PORT_NOT_ALLOWED, error);
    assertEquals("port not allowed", error.getMessage());
  }

  @ParameterizedTest(name = "ports 25,6666: {0} passes")
  @ValueSource(ints = {1, 24, 26, 6881, 6665, 6667, 65535})
  void letsEveryOtherPortThrough(int port) {
    assertDoesNotThrow(() -> hook("25,6666").handleAnnounce(announceFrom(port)));
  }

  @ParameterizedTest(name = "ports ''{0}''")
  @ValueSource(strings = {"0", "65536", "-1", "smtp", "25,x", "2.5"})
  void refusesABadPortNamingTheOption(String ports) {
    ConfigException error = assertThrows(ConfigException.class, () -> hook(ports));
    assertEquals(
        HookOptions.PREFIX
            + "ports: '"
            + ports.substring(ports.indexOf(',') + 1)
            + "' is not a port (allowed: whole numbers 1 to 65535)",
        error.getMessage());
  }

  @Test
  void refusesAMissingOrEmptyList() {
    for (var options : new String[][] {{}, {BlockedPortsHook.PORTS, ""}}) {
      ConfigException error =
          assertThrows(
              ConfigException.class,
              () -> new BlockedPortsHook().configure(HookOptions.of(options)));
      assertEquals(
          HookOptions.PREFIX + "ports: missing (allowed: a list of ports, 1 to 65535)",
          error.getMessage());
    }
  }

  @Test
  void refusesAnUnknownOption() {
    ConfigException error =
        assertThrows(
            ConfigException.class,
            () -> new BlockedPortsHook().configure(HookOptions.of("port", "25")));
    assertTrue(error.getMessage().startsWith(HookOptions.PREFIX + "port: unknown key"));
  }
}
