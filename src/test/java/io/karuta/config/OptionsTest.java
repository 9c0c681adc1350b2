package io.karuta.config;

import static io.karuta.config.Asserts.assertContains;
import static io.karuta.config.Asserts.configError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionsTest {
  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final Duration DAY = Duration.ofHours(24);

  private static Options root(Map<String, String> values) {
    return Options.of(ConfigLookup.of(values), "karuta.");
  }

  @Test
  void readsDurations() {
    Options o = root(Map.of("karuta.a", "30m", "karuta.b", " 1h30m "));

    assertEquals(Duration.ofMinutes(30), o.duration("a", SECOND, SECOND, DAY));
    assertEquals(Duration.ofMinutes(90), o.duration("b", SECOND, SECOND, DAY));
    assertEquals(Duration.ofSeconds(7), o.duration("absent", Duration.ofSeconds(7), SECOND, DAY));
  }

  @Test
  void explainsBadDurations() {
    assertEquals(
        "karuta.announce_interval: '1800' has no unit; write a duration such as 30m or 1800s"
            + " (allowed: 1s to 24h)",
        configError(
            () ->
                root(Map.of("karuta.announce_interval", "1800"))
                    .duration("announce_interval", SECOND, SECOND, DAY)));
    assertEquals(
        "karuta.x: 'soon' is not a duration; write one such as 30m, 1h30m or 45s (allowed: 1s to"
            + " 24h)",
        configError(() -> root(Map.of("karuta.x", "soon")).duration("x", SECOND, SECOND, DAY)));
    assertEquals(
        "karuta.x: '0s' is out of range (allowed: 1s to 24h)",
        configError(() -> root(Map.of("karuta.x", "0s")).duration("x", SECOND, SECOND, DAY)));
    assertEquals(
        "karuta.x: '25h' is out of range (allowed: 1s to 24h)",
        configError(() -> root(Map.of("karuta.x", "25h")).duration("x", SECOND, SECOND, DAY)));
  }

  @Test
  void readsWholeNumbers() {
    Options o = Options.of(Map.of("a", "100", "b", " 7 ", "c", "+5", "d", "-3"));

    assertEquals(100, o.integer("a", 1, 1, 1000));
    assertEquals(7, o.integer("b", 1, 1, 1000));
    assertEquals(5, o.integer("c", 1, 1, 1000));
    assertEquals(-3, o.integer("d", 1, -10, 10));
    assertEquals(42, o.integer("absent", 42, 1, 1000));
  }

  @Test
  void explainsBadWholeNumbers() {
    Options o = root(Map.of("karuta.http.max_numwant", "abc")).section("http.");
    assertEquals(
        "karuta.http.max_numwant: 'abc' is not a whole number (allowed: 1 to 1000)",
        configError(() -> o.integer("max_numwant", 100, 1, 1000)));
    for (String bad : List.of("5.0", "1e3", "", "0x10", "1_000")) {
      assertContains(
          configError(() -> Options.of(Map.of("n", bad)).integer("n", 1, 1, 1000)),
          "n: '" + bad + "' is not a whole number (allowed: 1 to 1000)");
    }
    for (String big : List.of("1001", "0", "99999999999999999999")) {
      assertEquals(
          "n: '" + big + "' is out of range (allowed: 1 to 1000)",
          configError(() -> Options.of(Map.of("n", big)).integer("n", 1, 1, 1000)));
    }
  }

  @Test
  void readsDecimals() {
    Options o = Options.of(Map.of("a", "0.25", "b", "1e-3", "c", ".5", "d", "1"));

    assertEquals(0.25, o.decimal("a", 0, 0, 1));
    assertEquals(0.001, o.decimal("b", 0, 0, 1));
    assertEquals(0.5, o.decimal("c", 0, 0, 1));
    assertEquals(1.0, o.decimal("d", 0, 0, 1));
    assertEquals(0.75, o.decimal("absent", 0.75, 0, 1));
    for (String bad : List.of("NaN", "Infinity", "1d", "0x1p3", "one", "")) {
      assertContains(
          configError(() -> Options.of(Map.of("p", bad)).decimal("p", 0, 0, 1)),
          "p: '" + bad + "' is not a number (allowed: 0 to 1)");
    }
    assertEquals(
        "p: '1.5' is out of range (allowed: 0 to 1)",
        configError(() -> Options.of(Map.of("p", "1.5")).decimal("p", 0, 0, 1)));
    assertEquals(
        "p: '1e999' is out of range (allowed: 0.5 to 1)",
        configError(() -> Options.of(Map.of("p", "1e999")).decimal("p", 1, 0.5, 1)));
  }

  @Test
  void readsOnlyTrueAndFalseAsBooleans() {
    Options o = Options.of(Map.of("a", "TRUE", "b", "false", "c", "yes", "d", "1"));

    assertTrue(o.bool("a", false));
    assertFalse(o.bool("b", true));
    assertTrue(o.bool("absent", true));
    assertEquals(
        "c: 'yes' is not a boolean (allowed: true, false)", configError(() -> o.bool("c", false)));
    assertEquals(
        "d: '1' is not a boolean (allowed: true, false)", configError(() -> o.bool("d", false)));
  }

  @Test
  void readsTextWithExplicitEmptyValues() {
    Options o = Options.of(Map.of("empty", "", "text", " as written "));

    assertEquals("", o.string("empty", "default"));
    assertEquals(" as written ", o.string("text", "default"));
    assertEquals("default", o.string("absent", "default"));
    assertEquals(Optional.empty(), o.optionalString("empty"));
    assertEquals(Optional.empty(), o.optionalString("absent"));
    assertEquals(Optional.of(" as written "), o.optionalString("text"));
    assertTrue(o.isSet("empty"));
    assertFalse(o.isSet("absent"));
  }

  @Test
  void readsOneOfTheAllowedValues() {
    Options o = root(Map.of("karuta.storage.name", "redis", "karuta.ok", " memory"));

    assertEquals("memory", o.oneOf("ok", "x", Set.of("memory")));
    assertEquals("x", o.oneOf("absent", "x", Set.of("memory")));
    assertEquals(
        "karuta.storage.name: 'redis' is not supported (allowed: memory)",
        configError(() -> o.oneOf("storage.name", "memory", Set.of("memory"))));
    assertContains(
        configError(() -> o.oneOf("storage.name", "memory", Set.of("memory", "a", "z"))),
        "(allowed: a, memory, z)");
  }

  @Test
  void readsListsInMicroProfileSyntax() {
    Options o = Options.of(Map.of("l", "/announce,/a\\,b,,c\\\\d,", "empty", ""));

    assertEquals(List.of("/announce", "/a,b", "c\\d"), o.stringList("l", List.of()));
    assertEquals(List.of(), o.stringList("empty", List.of("x")));
    assertEquals(List.of("x"), o.stringList("absent", List.of("x")));
    List<String> items = List.of("a,b", "c\\", "d");
    assertEquals(items, Options.splitList(Options.joinList(items)));
  }

  @Test
  void listsKeysUnderItsPrefixAndRejectsUnknownOnes() {
    Options store =
        Options.of(
            ConfigLookup.of(
                Map.of(
                    "karuta.storage.config.gc_interval", "3m",
                    "karuta.storage.config.gc_intervl", "3m",
                    "karuta.storage.name", "memory")),
            "karuta.storage.config.");

    assertEquals("karuta.storage.config.", store.prefix());
    assertEquals(Set.of("gc_interval", "gc_intervl"), store.keys());
    assertEquals(
        "karuta.storage.config.gc_intervl: unknown key; did you mean"
            + " karuta.storage.config.gc_interval? (known keys under karuta.storage.config.:"
            + " gc_interval, peer_lifetime)",
        configError(() -> store.rejectUnknown(Set.of("gc_interval", "peer_lifetime"))));
    store.rejectUnknown(Set.of("gc_interval", "gc_intervl"));
    assertEquals(
        "karuta.storage.config.gc_interval: unknown key (known keys under"
            + " karuta.storage.config.: none)",
        configError(() -> store.rejectUnknown(Set.of())));
  }

  @Test
  void sectionsNest() {
    Options http =
        root(Map.of("karuta.http.max_numwant", "9", "karuta.udp.max_numwant", "8"))
            .section("http.");

    assertEquals("karuta.http.", http.prefix());
    assertEquals(9, http.integer("max_numwant", 1, 1, 10));
    assertEquals(Set.of("max_numwant"), http.keys());
  }

  @Test
  void neverQuotesSecretsInErrorsOrToString() {
    Options o =
        Options.of(
            Map.of(
                "redis_password", "hunter2",
                "udp_private_key", "hunter3",
                "redis_broker", "redis://user:hunter4@localhost:6379/x"));

    String password = configError(() -> o.integer("redis_password", 1, 1, 2));
    String key = configError(() -> o.duration("udp_private_key", SECOND, SECOND, DAY));
    String url = configError(() -> o.integer("redis_broker", 1, 1, 2));

    assertEquals("redis_password: REDACTED is not a whole number (allowed: 1 to 2)", password);
    assertEquals("udp_private_key: REDACTED is not a duration (allowed: 1s to 24h)", key);
    assertEquals(
        "redis_broker: 'redis://REDACTED@localhost:6379/x' is not a whole number (allowed: 1 to 2)",
        url);
    assertFalse(o.toString().contains("hunter"), o.toString());
  }
}
