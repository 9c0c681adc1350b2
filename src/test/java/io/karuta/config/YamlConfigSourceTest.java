package io.karuta.config;

import static io.karuta.config.Asserts.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlConfigSourceTest {
  @TempDir Path dir;

  static Path resource(String name) {
    try {
      return Path.of(YamlConfigSourceTest.class.getResource("/config/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  private YamlConfigSource source(String yaml) throws IOException {
    Path file = dir.resolve("karuta.yaml");
    Files.writeString(file, yaml);
    return new YamlConfigSource(file.toString());
  }

  private String error(String yaml) throws IOException {
    YamlConfigSource source = source(yaml);
    assertTrue(source.loadError().isPresent(), "expected a load error for:\n" + yaml);
    assertEquals(
        Map.of("karuta.config", dir.resolve("karuta.yaml").toString()), source.getProperties());
    return source.loadError().get();
  }

  @Test
  void flattensAFullKarutaFile() {
    Path file = resource("karuta-full.yaml");
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("karuta.announce_interval", "20m");
    expected.put("karuta.min_announce_interval", "10m");
    expected.put("karuta.http.announce_routes", "/announce,/announce.php,/:passkey/announce");
    expected.put("karuta.http.scrape_routes", "/scrape");
    expected.put("karuta.http.allow_ip_spoofing", "true");
    expected.put("karuta.http.real_ip_header", "X-Real-IP");
    expected.put("karuta.http.trusted_proxies", "10.0.0.0/8,::1,192.168.1.7");
    expected.put("karuta.http.max_query_length", "2048");
    expected.put("karuta.http.max_numwant", "200");
    expected.put("karuta.http.default_numwant", "40");
    expected.put("karuta.http.max_scrape_infohashes", "30");
    expected.put("karuta.udp.addr", "127.0.0.1:6881");
    expected.put("karuta.udp.private_key", "s3cr3t-udp-key");
    expected.put("karuta.udp.max_clock_skew", "30s");
    expected.put("karuta.udp.allow_ip_spoofing", "false");
    expected.put("karuta.udp.max_numwant", "80");
    expected.put("karuta.udp.default_numwant", "20");
    expected.put("karuta.udp.max_scrape_infohashes", "70");
    expected.put("karuta.storage.name", "memory");
    expected.put("karuta.storage.config.gc_interval", "1m");
    expected.put("karuta.storage.config.peer_lifetime", "21m");
    expected.put("karuta.storage.config.shard_count", "0064");
    expected.put("karuta.prehooks[0].name", "client approval");
    expected.put("karuta.prehooks[0].options.whitelist", "AZ2060,TR0960");
    expected.put("karuta.prehooks[1].name", "interval variation");
    expected.put("karuta.prehooks[1].options.modify_response_probability", "0.2");
    expected.put("karuta.prehooks[1].options.max_increase_delta", "60");
    expected.put("karuta.prehooks[1].options.modify_min_interval", "True");
    expected.put("karuta.prehooks[1].options.nested.rules[0].match", "a,b\\c");
    expected.put("karuta.prehooks[1].options.nested.rules[0].weight", "3");
    expected.put("karuta.posthooks[0].name", "audit");
    expected.put("karuta.config", file.toString());

    YamlConfigSource source = new YamlConfigSource(file.toString());

    assertEquals(Map.of(), diff(expected, source.getProperties()));
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(source.getProperties().keySet()));
    assertFalse(source.loadError().isPresent());
    assertEquals("memory", source.getValue("karuta.storage.name"));
    assertEquals(expected.keySet(), source.getPropertyNames());
  }

  @Test
  void translatesAChihayaRoot() {
    YamlConfigSource source = new YamlConfigSource(resource("chihaya.yaml").toString());

    assertFalse(source.loadError().isPresent());
    Map<String, String> properties = source.getProperties();
    assertTrue(properties.keySet().stream().allMatch(key -> key.startsWith("karuta.")));
    Map<String, String> expected =
        Map.of(
            "karuta.metrics_addr", "0.0.0.0:6880",
            "karuta.http.https_addr", "",
            "karuta.http.read_timeout", "5s",
            "karuta.storage.config.shard_count", "1024",
            "karuta.prehooks[0].name", "jwt",
            "karuta.prehooks[0].options.jwk_set_update_interval", "5m",
            "karuta.prehooks[1].options.whitelist", "OP1011");
    expected.forEach((key, value) -> assertEquals(value, properties.get(key), key));
  }

  @Test
  void keepsExplicitEmptyTextAndDropsNulls() throws IOException {
    YamlConfigSource source =
        source(
            "karuta:\n  udp:\n    addr: \"\"\n    private_key:\n  http:\n    real_ip_header: ~\n"
                + "  storage: {}\n  prehooks: []\n  posthooks: null\n");

    assertEquals(
        Map.of("karuta.udp.addr", "", "karuta.config", dir.resolve("karuta.yaml").toString()),
        source.getProperties());
  }

  @Test
  void keepsPlainValuesAsWritten() throws IOException {
    YamlConfigSource source =
        source(
            "karuta:\n  a: on\n  b: 010\n  c: 1:30\n  d: 0x1F\n  e: 2024-01-01\n  f: 1e3\n"
                + "  g: FALSE\n  h: !!int 12\n");

    Map<String, String> actual = new HashMap<>(source.getProperties());
    actual.remove("karuta.config");
    assertEquals(
        Map.of(
            "karuta.a", "on",
            "karuta.b", "010",
            "karuta.c", "1:30",
            "karuta.d", "0x1F",
            "karuta.e", "2024-01-01",
            "karuta.f", "1e3",
            "karuta.g", "FALSE",
            "karuta.h", "12"),
        actual);
  }

  @Test
  void writesListsInMicroProfileSyntaxThatSmallRyeReadsBack() throws IOException {
    YamlConfigSource source =
        source("karuta:\n  l:\n    - \"x,y\"\n    - 'a\\b'\n    - plain\n    - 12\n");

    String raw = source.getValue("karuta.l");
    assertEquals("x\\,y,a\\\\b,plain,12", raw);
    List<String> items = List.of("x,y", "a\\b", "plain", "12");
    assertEquals(items, Options.splitList(raw));
    SmallRyeConfig config = new SmallRyeConfigBuilder().withSources(source).build();
    assertEquals(items, config.getValues("karuta.l", String.class));
  }

  @Test
  void supportsAnchorsAndMergeKeys() throws IOException {
    YamlConfigSource source =
        source(
            "karuta:\n  http: &limits\n    max_numwant: 60\n    default_numwant: 30\n"
                + "  udp:\n    <<: *limits\n    default_numwant: 10\n");

    assertEquals("60", source.getValue("karuta.udp.max_numwant"));
    assertEquals("10", source.getValue("karuta.udp.default_numwant"));
    assertEquals("30", source.getValue("karuta.http.default_numwant"));
  }

  @Test
  void hasOrdinal250AndNamesItsFile() {
    Path file = resource("karuta-full.yaml");
    YamlConfigSource source = new YamlConfigSource(file.toString());

    assertEquals(250, source.getOrdinal());
    assertTrue(source.getName().contains(file.toAbsolutePath().toString()), source.getName());
    assertEquals(file.toString(), source.getValue("karuta.config"));
  }

  @Test
  void isEmptyWithoutAFile() {
    for (String none : new String[] {null, "", "  "}) {
      YamlConfigSource source = new YamlConfigSource(none);
      assertEquals(Map.of(), source.getProperties());
      assertFalse(source.loadError().isPresent());
      assertEquals("KarutaYaml[no file]", source.getName());
    }
  }

  @Test
  void findsTheFileInMicroProfileOrder() {
    Map<String, String> env =
        Map.of("karuta.config", "/a", "karuta_config", "/b", "KARUTA_CONFIG", "/c");
    assertEquals(
        "/p", YamlConfigSource.locate(k -> k.equals("karuta.config") ? "/p" : null, env::get));
    assertEquals("/a", YamlConfigSource.locate(k -> null, env::get));
    assertEquals(
        "/b",
        YamlConfigSource.locate(k -> " ", k -> k.equals("karuta.config") ? null : env.get(k)));
    assertEquals(
        "/c", YamlConfigSource.locate(k -> null, k -> k.equals("KARUTA_CONFIG") ? "/c" : ""));
    assertNull(YamlConfigSource.locate(k -> null, k -> null));
  }

  @Test
  void reportsAMissingFileWithoutThrowing() {
    Path missing = dir.resolve("nope.yaml");
    YamlConfigSource source = new YamlConfigSource(missing.toString());

    String error = source.loadError().orElseThrow();
    assertTrue(error.startsWith(missing.toString() + ": no such file"), error);
    assertEquals(Map.of("karuta.config", missing.toString()), source.getProperties());
  }

  @Test
  void reportsSyntaxErrorsWithLineAndColumnButNoText() throws IOException {
    String error = error("karuta:\n  udp:\n    private_key: \"hunter2\n  http: {\n");

    assertContains(error, dir.resolve("karuta.yaml") + " line ");
    assertFalse(error.contains("hunter2"), error);
  }

  @Test
  void reportsTheWrongShape() throws IOException {
    String root =
        "the root must be a map with the single key karuta (or chihaya, for a chihaya file)";
    assertContains(error("tracker:\n  announce_interval: 30m\n"), root + "; found tracker");
    assertContains(error("karuta: {}\nchihaya: {}\n"), root + "; found keys [karuta, chihaya]");
    assertContains(error("- karuta\n"), root);
    assertContains(error(""), root + "; found none");
    assertContains(error("karuta: 5\n"), "karuta: must hold a map of settings");
    assertContains(error("karuta:\n  config: /etc/x.yaml\n"), "karuta.config: cannot be set");
    assertContains(error("karuta:\n  l: [a, {b: 1}]\n"), "karuta.l[1]: a list must hold only");
    assertContains(error("karuta:\n  l: [[a]]\n"), "karuta.l[0]: a list must hold only plain");
    assertContains(error("karuta:\n  l: [a, ~]\n"), "karuta.l[1]: a list must hold", "is empty");
    assertContains(error("karuta:\n  \"a.b\": 1\n"), "karuta: the key 'a.b' is not a plain name");
    assertContains(error("karuta:\n  x: !!binary aGk=\n"), "karuta.x: unsupported YAML value");
    assertContains(error("karuta:\n  a: 1\n  a: 2\n"), "duplicate key a");
    assertContains(error("karuta: {}\n---\nkaruta: {}\n"), "single document");
  }

  @Test
  void refusesAliasBombsAndForeignTags() throws IOException {
    StringBuilder bomb = new StringBuilder("karuta:\n  a0: &a0 [x, x, x]\n");
    for (int i = 1; i < 30; i++) {
      bomb.append("  a").append(i).append(": &a").append(i).append(" [*a").append(i - 1);
      bomb.append(", *a").append(i - 1).append("]\n");
    }
    assertContains(error(bomb.toString()), "aliases");
    assertContains(error("karuta:\n  x: !!java.io.File /tmp\n"), "karuta.yaml line 2");
  }

  @Test
  void reportsTextThatIsNotUtf8() throws IOException {
    Path file = dir.resolve("karuta.yaml");
    Files.write(file, new byte[] {'k', ':', ' ', (byte) 0xff, '\n'});

    assertEquals(
        file + ": not UTF-8 text", new YamlConfigSource(file.toString()).loadError().get());
  }

  private static Map<String, String> diff(
      Map<String, String> expected, Map<String, String> actual) {
    Map<String, String> diff = new LinkedHashMap<>();
    expected.forEach(
        (k, v) -> {
          if (!v.equals(actual.get(k))) {
            diff.put(k, "expected " + v + " got " + actual.get(k));
          }
        });
    actual.keySet().stream()
        .filter(k -> !expected.containsKey(k))
        .forEach(k -> diff.put(k, "unexpected " + actual.get(k)));
    return diff;
  }
}
