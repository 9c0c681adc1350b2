package io.karuta.config;

import static io.karuta.config.Asserts.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.testing.LogCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/** The shipped example file and the operator's documentation stay in step with the code. */
class ExampleConfigTest {
  private static final Path EXAMPLE = Path.of("server-config", "karuta.yaml");
  private static final Path DOCS = Path.of("docs", "configuration.md");

  @Test
  void theExampleLoadsCleanlyAndHoldsEveryDefault() {
    YamlConfigSource source = new YamlConfigSource(EXAMPLE.toString());
    assertFalse(source.loadError().isPresent(), () -> source.loadError().get());
    Map<String, String> properties = source.getProperties();
    Defaults.properties().forEach((key, value) -> assertEquals(value, properties.get(key), key));

    TrackerConfig config;
    try (LogCapture log = LogCapture.of(ConfigReader.class)) {
      config = ConfigReader.read(ConfigReaderTest.fileConfig(EXAMPLE));
      assertEquals(List.of(), log.messages(Level.WARNING));
    }

    TrackerConfig defaults = ConfigReader.read(ConfigLookup.of(Map.of()));
    assertEquals(defaults.http(), config.http());
    assertEquals(defaults.udp(), config.udp());
    assertEquals(defaults.announceInterval(), config.announceInterval());
    assertEquals(defaults.minAnnounceInterval(), config.minAnnounceInterval());
    assertEquals(defaults.storage().name(), config.storage().name());
    assertEquals(List.of(), config.preHooks());
    assertEquals(List.of(), config.postHooks());
    Options store = config.storage().options();
    Duration hour = Duration.ofHours(1);
    assertEquals(Duration.ofMinutes(3), store.duration("gc_interval", hour, Duration.ZERO, hour));
    assertEquals(
        Duration.ofMinutes(31), store.duration("peer_lifetime", hour, Duration.ZERO, hour));
  }

  @Test
  void theExampleShowsAHookEntry() throws IOException {
    String example = Files.readString(EXAMPLE);

    assertContains(example, "  # prehooks:\n  #   - name: client approval\n", "#     options:\n");
  }

  @Test
  void theDocumentationCoversEveryKey() throws IOException {
    String docs = Files.readString(DOCS);

    for (String key : KnownKeys.USED) {
      if (!key.equals("config")) {
        assertContains(docs, "`" + key + "`", "`" + ConfigLookup.envName("karuta." + key) + "`");
      }
    }
    for (String key : KnownKeys.IGNORED.keySet()) {
      assertTrue(docs.contains("`" + key + "`"), key);
    }
    assertContains(
        docs,
        "`KARUTA_CONFIG`",
        "`KARUTA_PREHOOKS_0__NAME`",
        "`KARUTA_PREHOOKS_0__OPTIONS_WHITELIST`",
        "`KARUTA_STORAGE_CONFIG_GC_INTERVAL`",
        "`KARUTA_PREHOOKS_0__OPTIONS_RULES_0__MATCH`",
        "`KARUTA_PORT`");
    assertEquals(
        "KARUTA_PREHOOKS_0__OPTIONS_RULES_0__MATCH",
        ConfigLookup.envName("karuta.prehooks[0].options.rules[0].match"));
  }
}
