package io.karuta.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ordinals of Karuta's sources against the environment and system properties, in SmallRye. */
class PrecedenceTest {
  private static final String YAML =
      """
      karuta:
        announce_interval: 20m
        min_announce_interval: 5m
        http:
          max_numwant: 200
        udp:
          addr: "127.0.0.1:6881"
        storage:
          config:
            gc_interval: 1m
            peer_lifetime: 21m
        prehooks:
          - name: client approval
            options:
              whitelist: [AZ2060, TR0960]
      """;

  @TempDir Path dir;

  private SmallRyeConfig config(Map<String, String> env, Map<String, String> systemProperties)
      throws IOException {
    Path file = dir.resolve("karuta.yaml");
    Files.writeString(file, YAML);
    return new SmallRyeConfigBuilder()
        .withSources(
            new DefaultsConfigSource(),
            new YamlConfigSource(file.toString()),
            new EnvConfigSource(env, 300),
            new PropertiesConfigSource(systemProperties, "system-properties", 400))
        .build();
  }

  @Test
  void environmentBeatsTheFileAndSystemPropertiesBeatTheEnvironment() throws IOException {
    SmallRyeConfig config =
        config(
            Map.of(
                "KARUTA_ANNOUNCE_INTERVAL", "10m",
                "KARUTA_HTTP_MAX_NUMWANT", "150",
                "KARUTA_UDP_ADDR", "",
                "KARUTA_STORAGE_CONFIG_GC_INTERVAL", "2m",
                "KARUTA_PREHOOKS_0__OPTIONS_WHITELIST", "XX0001",
                "KARUTA_PREHOOKS_1__NAME", "torrent approval",
                "KARUTA_PREHOOKS_1__OPTIONS_WHITELIST", "aa",
                "KARUTA_PORT", "tcp://10.0.0.1:80",
                "KARUTA_SERVICE_HOST", "10.0.0.1"),
            Map.of("karuta.http.max_numwant", "120", "karuta.min_announce_interval", "4m"));

    TrackerConfig tracker = ConfigReader.read(config);

    assertEquals(Duration.ofMinutes(10), tracker.announceInterval()); // env over file
    assertEquals(Duration.ofMinutes(4), tracker.minAnnounceInterval()); // -D over file
    assertEquals(120, tracker.http().maxNumWant()); // -D over env over file
    assertEquals(50, tracker.http().defaultNumWant()); // default
    assertEquals(100, tracker.udp().maxNumWant()); // default
    assertEquals(
        Optional.empty(), tracker.udp().addr()); // explicit empty env over file and default
    Options store = tracker.storage().options();
    Duration hour = Duration.ofHours(1);
    assertEquals(Duration.ofMinutes(2), store.duration("gc_interval", hour, Duration.ZERO, hour));
    assertEquals(
        Duration.ofMinutes(21), store.duration("peer_lifetime", hour, Duration.ZERO, hour));
    assertEquals(
        List.of("client approval", "torrent approval"),
        tracker.preHooks().stream().map(HookConfig::name).toList());
    assertEquals(
        List.of("XX0001"), tracker.preHooks().get(0).options().stringList("whitelist", List.of()));
    // An option given only by environment variable is read, though not listed among the keys.
    Options second = tracker.preHooks().get(1).options();
    assertEquals(List.of("aa"), second.stringList("whitelist", List.of()));
    assertEquals(Set.of(), second.keys());
  }

  @Test
  void listsNoNamesDerivedFromEnvironmentVariables() throws IOException {
    SmallRyeConfig config =
        config(
            Map.of("KARUTA_PORT", "tcp://10.0.0.1:80", "KARUTA_HTTP_MAX_NUMWANT", "70"), Map.of());
    assertTrue(
        hasName(config.getPropertyNames(), "karuta.port"), "SmallRye derives karuta.port itself");

    Set<String> names = new HashSet<>();
    ConfigLookup.of(config).names().forEach(names::add);

    assertFalse(names.contains("karuta.port"), names.toString());
    assertFalse(names.contains("karuta.http.max.numwant"), names.toString());
    assertTrue(names.contains("KARUTA_PORT"), names.toString());
    assertTrue(names.contains("karuta.udp.addr"), names.toString());
    assertTrue(names.contains("karuta.prehooks[0].options.whitelist"), names.toString());
    assertEquals(70, ConfigReader.read(config).http().maxNumWant());
  }

  @Test
  void everyDocumentedEnvironmentVariableMaps() {
    Map<String, String> keys = new java.util.TreeMap<>();
    for (String key : KnownKeys.USED) {
      keys.put("karuta." + key, ConfigLookup.envName("karuta." + key));
    }
    keys.put("karuta.prehooks[0].name", "KARUTA_PREHOOKS_0__NAME");
    keys.put("karuta.prehooks[0].options.whitelist", "KARUTA_PREHOOKS_0__OPTIONS_WHITELIST");
    keys.put("karuta.posthooks[12].options.a.b", "KARUTA_POSTHOOKS_12__OPTIONS_A_B");
    keys.put("karuta.storage.config.gc_interval", "KARUTA_STORAGE_CONFIG_GC_INTERVAL");
    assertEquals("KARUTA_HTTP_MAX_NUMWANT", keys.get("karuta.http.max_numwant"));
    assertEquals("KARUTA_CONFIG", keys.get("karuta.config"));

    for (Map.Entry<String, String> entry : keys.entrySet()) {
      assertEquals(entry.getValue(), ConfigLookup.envName(entry.getKey()));
      SmallRyeConfig config =
          new SmallRyeConfigBuilder()
              .withSources(
                  new DefaultsConfigSource(),
                  new EnvConfigSource(Map.of(entry.getValue(), "from-env"), 300))
              .build();
      assertEquals(
          "from-env",
          ConfigLookup.of(config).raw(entry.getKey()),
          entry.getKey() + " <- " + entry.getValue());
    }
  }

  @Test
  void anEmptyValueFromAHigherSourceBeatsAValueFromALowerOne() throws IOException {
    SmallRyeConfig config =
        config(
            Map.of("KARUTA_HTTP_REAL_IP_HEADER", "", "KARUTA_HTTP_TRUSTED_PROXIES", "10.0.0.1"),
            Map.of("karuta.http.trusted_proxies", ""));
    ConfigLookup lookup = ConfigLookup.of(config);

    assertEquals("", lookup.raw("karuta.http.real_ip_header")); // env over the default
    assertEquals("", lookup.raw("karuta.http.trusted_proxies")); // -D over env
    assertEquals("127.0.0.1:6881", lookup.raw("karuta.udp.addr")); // the file
    assertEquals(null, lookup.raw("karuta.no_such_key"));
    TrackerConfig tracker = ConfigReader.read(config);
    assertEquals("", tracker.http().realIpHeader());
    assertEquals(List.of(), tracker.http().trustedProxies());
  }

  private static boolean hasName(Iterable<String> names, String name) {
    for (String n : names) {
      if (n.equals(name)) {
        return true;
      }
    }
    return false;
  }
}
