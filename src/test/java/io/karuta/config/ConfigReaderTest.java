package io.karuta.config;

import static io.karuta.config.Asserts.assertContains;
import static io.karuta.config.Asserts.configError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.IpNetwork;
import io.karuta.bittorrent.Sanitizer;
import io.karuta.testing.LogCapture;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigReaderTest {
  @TempDir Path dir;

  /** Reads a map of properties over the built-in defaults. */
  private static TrackerConfig read(Map<String, String> values) {
    return ConfigReader.read(ConfigLookup.of(values));
  }

  private static String error(String... keysAndValues) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return configError(() -> read(values));
  }

  /** A SmallRye Config with Karuta's two sources, as a server builds it (minus env and -D). */
  static SmallRyeConfig fileConfig(Path file) {
    return new SmallRyeConfigBuilder()
        .withSources(new DefaultsConfigSource(), new YamlConfigSource(file.toString()))
        .build();
  }

  @Test
  void appliesTheBuiltInDefaults() {
    TrackerConfig config = read(Map.of());

    assertEquals(Duration.ofMinutes(30), config.announceInterval());
    assertEquals(Duration.ofMinutes(15), config.minAnnounceInterval());
    HttpConfig http = config.http();
    assertEquals(List.of("/announce"), http.announceRoutes());
    assertEquals(List.of("/scrape"), http.scrapeRoutes());
    assertFalse(http.allowIpSpoofing());
    assertEquals("", http.realIpHeader());
    assertEquals(List.of(), http.trustedProxies());
    assertEquals(4096, http.maxQueryLength());
    assertEquals(new Sanitizer(100, 50, 50), http.sanitizer());
    UdpConfig udp = config.udp();
    assertEquals("[::]:6969", udp.addr().orElseThrow().toString());
    assertEquals("", udp.privateKey());
    assertEquals(Duration.ofSeconds(10), udp.maxClockSkew());
    assertFalse(udp.allowIpSpoofing());
    assertEquals(new Sanitizer(100, 50, 50), udp.sanitizer());
    assertEquals("memory", config.storage().name());
    assertEquals("karuta.storage.config.", config.storage().options().prefix());
    assertEquals(List.of(), config.preHooks());
    assertEquals(List.of(), config.postHooks());
  }

  @Test
  void publishesTheSameDefaultsAsItApplies() {
    TrackerConfig fromSource = read(new DefaultsConfigSource().getProperties());
    TrackerConfig builtIn = read(Map.of());

    assertEquals(summary(builtIn), summary(fromSource));
    for (String key : Defaults.properties().keySet()) {
      assertTrue(KnownKeys.USED.contains(key.substring("karuta.".length())), key);
    }
  }

  @Test
  void readsAFullKarutaFile() {
    TrackerConfig config =
        ConfigReader.read(fileConfig(YamlConfigSourceTest.resource("karuta-full.yaml")));

    assertEquals(Duration.ofMinutes(20), config.announceInterval());
    assertEquals(Duration.ofMinutes(10), config.minAnnounceInterval());
    assertEquals(
        List.of("/announce", "/announce.php", "/:passkey/announce"),
        config.http().announceRoutes());
    assertTrue(config.http().allowIpSpoofing());
    assertEquals("X-Real-IP", config.http().realIpHeader());
    assertEquals(
        List.of(
            IpNetwork.parse("10.0.0.0/8"), IpNetwork.parse("::1"), IpNetwork.parse("192.168.1.7")),
        config.http().trustedProxies());
    assertEquals(2048, config.http().maxQueryLength());
    assertEquals(new Sanitizer(200, 40, 30), config.http().sanitizer());
    assertEquals("127.0.0.1:6881", config.udp().addr().orElseThrow().toString());
    assertEquals("s3cr3t-udp-key", config.udp().privateKey());
    assertEquals(Duration.ofSeconds(30), config.udp().maxClockSkew());
    assertEquals(new Sanitizer(80, 20, 70), config.udp().sanitizer());
    Options store = config.storage().options();
    assertEquals(
        Duration.ofMinutes(21),
        store.duration("peer_lifetime", Duration.ZERO, Duration.ZERO, Duration.ofHours(1)));
    assertEquals(64, store.integer("shard_count", 1, 1, 4096));
    assertEquals(
        List.of("client approval", "interval variation"),
        config.preHooks().stream().map(HookConfig::name).toList());
    assertEquals(
        List.of("AZ2060", "TR0960"),
        config.preHooks().get(0).options().stringList("whitelist", List.of()));
    Options variation = config.preHooks().get(1).options();
    assertEquals(0.2, variation.decimal("modify_response_probability", 1, 0, 1));
    assertTrue(variation.bool("modify_min_interval", false));
    assertEquals("3", variation.string("nested.rules[0].weight", null));
    assertEquals(List.of("audit"), config.postHooks().stream().map(HookConfig::name).toList());
  }

  @Test
  void readsAChihayaFileWithOneWarningPerIgnoredKey() {
    TrackerConfig config;
    List<String> warnings;
    try (LogCapture log = LogCapture.of(ConfigReader.class)) {
      config = ConfigReader.read(fileConfig(YamlConfigSourceTest.resource("chihaya.yaml")));
      warnings = log.messages(Level.WARNING);
    }

    List<String> ignored =
        List.of(
            "http.addr",
            "http.enable_keepalive",
            "http.enable_request_timing",
            "http.https_addr",
            "http.idle_timeout",
            "http.read_timeout",
            "http.tls_cert_path",
            "http.tls_key_path",
            "http.write_timeout",
            "metrics_addr",
            "udp.enable_request_timing");
    assertEquals(ignored.size(), warnings.size(), warnings.toString());
    for (int i = 0; i < ignored.size(); i++) {
      assertContains(
          warnings.get(i), "karuta." + ignored.get(i) + " is set but has no effect in Karuta: ");
    }
    assertContains(warnings.get(0), "HTTP listener");
    assertContains(warnings.get(9), "metrics are served by the application server");
    assertEquals("x-real-ip", config.http().realIpHeader());
    assertEquals("0.0.0.0:6969", config.udp().addr().orElseThrow().toString());
    assertEquals(
        List.of("jwt", "client approval"),
        config.preHooks().stream().map(HookConfig::name).toList());
    assertEquals(
        List.of("gc_interval", "peer_lifetime", "prometheus_reporting_interval", "shard_count"),
        List.copyOf(config.storage().options().keys()));
    assertEquals(
        Duration.ofMinutes(5),
        config
            .preHooks()
            .get(0)
            .options()
            .duration(
                "jwk_set_update_interval", Duration.ZERO, Duration.ZERO, Duration.ofHours(1)));
  }

  @Test
  void warnsAboutKeysChihayaItselfIgnores() {
    List<String> warnings;
    try (LogCapture log = LogCapture.of(ConfigReader.class)) {
      read(Map.of("karuta.max_numwant", "100", "karuta.http.enable_legacy_php_urls", "whatever"));
      warnings = log.messages(Level.WARNING);
    }

    assertEquals(2, warnings.size(), warnings.toString());
    assertContains(
        warnings.get(0),
        "karuta.http.enable_legacy_php_urls is set but has no effect",
        "chihaya ignores it too",
        "/announce.php");
    assertContains(
        warnings.get(1), "karuta.max_numwant is set", "use http.max_numwant and udp.max_numwant");
  }

  @Test
  void typeChecksIgnoredKeys() {
    assertEquals(
        "karuta.http.read_timeout: '5' has no unit; write a duration such as 30m or 5s (allowed: 0s to 24h)",
        error("karuta.http.read_timeout", "5"));
    assertEquals(
        "karuta.http.enable_keepalive: 'maybe' is not a boolean (allowed: true, false)",
        error("karuta.http.enable_keepalive", "maybe"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "karuta.anounce_interval | 30m | karuta.anounce_interval: unknown key; did you mean karuta.announce_interval? (known keys under karuta.: announce_interval, http.*, metrics.*, min_announce_interval, posthooks, prehooks, stats.*, storage.config.*, storage.name, udp.*)",
        "karuta.http.max_numwnat | 5 | karuta.http.max_numwnat: unknown key; did you mean karuta.http.max_numwant? (known keys under karuta.http.: allow_ip_spoofing, announce_routes, default_numwant, max_numwant, max_query_length, max_scrape_infohashes, real_ip_header, scrape_routes, trusted_proxies)",
        "karuta.htp.addr | x | karuta.htp.addr: unknown key; did you mean karuta.http.addr?",
        "karuta.udp.secret | x | karuta.udp.secret: unknown key (known keys under karuta.udp.: ",
        "karuta.storage.config | x | karuta.storage.config: must be a map of store options",
        "karuta.prehooks | x | karuta.prehooks: must be a list of hook entries, each with a name and options",
        "karuta.http.allow_ip_spoofing | yes | karuta.http.allow_ip_spoofing: 'yes' is not a boolean (allowed: true, false)",
        "karuta.udp.max_numwant | abc | karuta.udp.max_numwant: 'abc' is not a whole number (allowed: 1 to 1000)",
        "karuta.http.max_numwant | 1001 | karuta.http.max_numwant: '1001' is out of range (allowed: 1 to 1000)",
        "karuta.http.max_scrape_infohashes | 0 | karuta.http.max_scrape_infohashes: '0' is out of range (allowed: 1 to 1000)",
        "karuta.announce_interval | soon | karuta.announce_interval: 'soon' is not a duration; write one such as 30m, 1h30m or 45s (allowed: 1s to 24h)",
        "karuta.announce_interval | 1800 | karuta.announce_interval: '1800' has no unit; write a duration such as 30m or 1800s (allowed: 1s to 24h)",
        "karuta.announce_interval | 25h | karuta.announce_interval: '25h' is out of range (allowed: 1s to 24h)",
        "karuta.min_announce_interval | 0s | karuta.min_announce_interval: '0s' is out of range (allowed: 1s to 24h)",
        "karuta.udp.max_clock_skew | 6m | karuta.udp.max_clock_skew: '6m' is out of range (allowed: 0s to 5m)",
        "karuta.udp.connection_id_lifetime | 1m | karuta.udp.connection_id_lifetime: '1m' is out of range (allowed: 2m to 1h)",
        "karuta.udp.workers | 65 | karuta.udp.workers: '65' is out of range (allowed: 0 to 64)",
        "karuta.udp.receive_buffer | 1024 | karuta.udp.receive_buffer: '1024' is out of range (allowed: 16384 to 268435456)",
        "karuta.http.announce_routes | `` | karuta.http.announce_routes: no route given (allowed: one or more paths starting with /, such as /x)",
        "karuta.http.scrape_routes | scrape | karuta.http.scrape_routes: 'scrape' is not a path (allowed: one or more paths starting with /",
        "karuta.http.trusted_proxies | `10.0.0.0/8,10.0.0.0/33` | karuta.http.trusted_proxies: '10.0.0.0/33' is not an address or CIDR block (allowed: a list such as 10.0.0.0/8, 192.168.1.7, 2001:db8::/32)",
        "karuta.http.max_query_length | 100 | karuta.http.max_query_length: '100' is out of range (allowed: 256 to 65536)",
        "karuta.http.real_ip_header | X Real | karuta.http.real_ip_header: 'X Real' is not a header name (allowed: \"\" to use the connection's address, or a header name such as X-Real-IP)",
        "karuta.udp.addr | 6969 | karuta.udp.addr: '6969' is not host:port (allowed: \"\" (off), or host:port such as [::]:6969, 0.0.0.0:6969, :6969 (every interface) or localhost:6969)",
        "karuta.udp.addr | ::1:6969 | karuta.udp.addr: '::1:6969' is not host:port",
        "karuta.udp.addr | [::1:6969 | karuta.udp.addr: '[::1:6969' is not host:port",
        "karuta.udp.addr | host:70000 | karuta.udp.addr: 'host:70000' is not host:port",
        "karuta.udp.addr | host: | karuta.udp.addr: 'host:' is not host:port",
        "karuta.prehooks[0].options.whitelist | AZ2060 | karuta.prehooks[0].name: missing; every entry of karuta.prehooks needs a name, such as 'client approval'",
        "karuta.posthooks[0].name | `  ` | karuta.posthooks[0].name: missing",
        "karuta.prehooks[0].config.whitelist | AZ2060 | karuta.prehooks[0].config.whitelist: unknown key; hook settings go under options (chihaya's documentation shows config:, but chihaya reads options:)",
        "karuta.prehooks[0].nmae | x | karuta.prehooks[0].nmae: unknown key; did you mean karuta.prehooks[0].name? (known keys under karuta.prehooks[0].: name, options.*)",
        "karuta.prehooks[x].name | x | karuta.prehooks[x].name: not a hook entry key (allowed: karuta.prehooks[n].name and karuta.prehooks[n].options.<key>, n from 0 to 99)",
        "karuta.prehooks[01].name | x | karuta.prehooks[01].name: not a hook entry key",
        "karuta.prehooks[100].name | x | karuta.prehooks[100].name: not a hook entry key",
        "karuta.prehooks[0].options | x | karuta.prehooks[0].options: unknown key",
      })
  void rejectsInvalidSettings(String key, String value, String message) {
    assertContains(error(key, value), message);
  }

  @Test
  void namesBothKeysWhenTwoSettingsDisagree() {
    assertEquals(
        "karuta.min_announce_interval: 20m is more than karuta.announce_interval (10m); lower the"
            + " one or raise the other (allowed: 1s to the announce interval)",
        error("karuta.announce_interval", "10m", "karuta.min_announce_interval", "20m"));
    assertEquals(
        "karuta.http.default_numwant: 200 is more than karuta.http.max_numwant (100); lower the"
            + " one or raise the other (allowed: 0 to 100)",
        error("karuta.http.default_numwant", "200"));
    assertContains(
        error("karuta.udp.max_numwant", "30"),
        "karuta.udp.default_numwant: 50 is more than karuta.udp.max_numwant (30)");
  }

  @Test
  void findsHookEntriesByIndexAndRejectsGaps() {
    TrackerConfig config =
        read(
            Map.of(
                "karuta.prehooks[0].name", "client approval",
                "karuta.prehooks[1].name", " torrent approval ",
                "karuta.prehooks[1].options.blacklist", "aa,bb",
                "karuta.posthooks[0].name", "audit"));

    assertEquals(2, config.preHooks().size());
    assertEquals("torrent approval", config.preHooks().get(1).name());
    assertEquals("karuta.prehooks[1].options.", config.preHooks().get(1).options().prefix());
    assertEquals(
        List.of("aa", "bb"), config.preHooks().get(1).options().stringList("blacklist", List.of()));
    assertEquals("audit", config.postHooks().get(0).name());
    assertContains(
        error("karuta.prehooks[1].name", "jwt"),
        "karuta.prehooks[0].name: missing; every entry of karuta.prehooks needs a name");
  }

  @Test
  void keepsAnExplicitEmptyUdpAddress() throws IOException {
    Path file = dir.resolve("karuta.yaml");
    Files.writeString(file, "karuta:\n  udp:\n    addr: \"\"\n");

    assertEquals(Optional.empty(), ConfigReader.read(fileConfig(file)).udp().addr());
  }

  @Test
  void ignoresPropertiesOutsideKaruta() {
    assertEquals(
        Duration.ofMinutes(30), read(Map.of("other.x", "1", "karutax", "2")).announceInterval());
  }

  @Test
  void reportsFilesThatCannotBeLoaded() throws IOException {
    Path missing = dir.resolve("missing.yaml");
    assertEquals(
        "karuta.config: "
            + missing
            + ": no such file (unset karuta.config to run on the built-in defaults)",
        configError(() -> ConfigReader.read(fileConfig(missing))));

    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, "karuta:\n  http: [\n");
    assertContains(
        configError(() -> ConfigReader.read(fileConfig(broken))),
        "karuta.config: " + broken + " line 3, column 1: ");

    Path wrongRoot = dir.resolve("wrong.yaml");
    Files.writeString(wrongRoot, "tracker:\n  announce_interval: 30m\n");
    assertEquals(
        "karuta.config: "
            + wrongRoot
            + ": the root must be a map with the single key karuta (or chihaya, for a chihaya file); found tracker",
        configError(() -> ConfigReader.read(fileConfig(wrongRoot))));
  }

  @Test
  void neverShowsThePrivateKey() {
    TrackerConfig config = read(Map.of("karuta.udp.private_key", "hunter2"));

    assertEquals("hunter2", config.udp().privateKey());
    assertFalse(config.toString().contains("hunter2"), config.toString());
    assertContains(config.udp().toString(), "privateKey=REDACTED");
    assertContains(read(Map.of()).udp().toString(), "privateKey=\"\"");
  }

  private static String summary(TrackerConfig c) {
    return List.of(
            c.announceInterval(),
            c.minAnnounceInterval(),
            c.http(),
            c.udp(),
            c.storage().name(),
            c.preHooks(),
            c.postHooks())
        .toString();
  }
}
