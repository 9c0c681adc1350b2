package io.karuta.frontend.http;

import static io.karuta.frontend.http.Route.Kind.ANNOUNCE;
import static io.karuta.frontend.http.Route.Kind.SCRAPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RouteTableTest {
  private static final RouteTable TABLE =
      new RouteTable(
          List.of(
              "/announce",
              "/x/announce.php",
              "/:passkey/announce",
              "/announce/{key}",
              "/t/:a/{b}/announce",
              "/files/*rest",
              "/u/:id/*tail"),
          List.of("/scrape", "/x/scrape.php", "/{passkey}/scrape", "/"));

  private static Route route(Route.Kind kind, String... nameValues) {
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      params.put(nameValues[i], nameValues[i + 1]);
    }
    return new Route(kind, params);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/announce                    | ANNOUNCE | ",
        "/announce/                   | ANNOUNCE | ",
        "/scrape                      | SCRAPE   | ",
        "/scrape/                     | SCRAPE   | ",
        "/x/announce.php              | ANNOUNCE | ",
        "/x/scrape.php                | SCRAPE   | ",
        "/                            | SCRAPE   | ",
        "//                           | SCRAPE   | ",
        "/abc123/announce             | ANNOUNCE | passkey=abc123",
        "/abc123/announce/            | ANNOUNCE | passkey=abc123",
        "/x/announce                  | ANNOUNCE | passkey=x",
        "/a%2Fb%20c/announce          | ANNOUNCE | passkey=a%2Fb%20c",
        "/abc123/scrape               | SCRAPE   | passkey=abc123",
        "/announce/k1                 | ANNOUNCE | key=k1",
        "/announce/k1/                | ANNOUNCE | key=k1",
        "/t/1/2/announce              | ANNOUNCE | a=1,b=2",
        "/files/a                     | ANNOUNCE | rest=a",
        "/files/a/b/c                 | ANNOUNCE | rest=a/b/c",
        "/files/a/b/                  | ANNOUNCE | rest=a/b",
        "/files/a//b                  | ANNOUNCE | rest=a//b",
        "/files/%2F                   | ANNOUNCE | rest=%2F",
        "/u/7/x/y                     | ANNOUNCE | id=7,tail=x/y"
      })
  void matches(String path, Route.Kind kind, String params) {
    String[] pairs = params == null ? new String[0] : params.replace('=', ',').split(",");
    assertEquals(route(kind, pairs), TABLE.match(path));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "announce",
        "/Announce",
        "/announce//",
        "/announce.php",
        "/x/announce.php/y",
        "//announce",
        "/a/b/announce",
        "/abc123/announce/extra/more",
        "/abc123/other",
        "/t/1/announce",
        "/files",
        "/files/",
        "/u/7",
        "/u/7/",
        "/u//x",
        "/scrape/x/y",
        "/announce?info_hash=x",
        "*"
      })
  void noMatch(String path) {
    assertNull(TABLE.match(path));
  }

  @Test
  void nullMatchesNothing() {
    assertNull(TABLE.match(null));
  }

  @Test
  void literalRoutesArePreallocated() {
    Route first = TABLE.match("/announce");
    assertSame(first, TABLE.match(new String("/announce".toCharArray())));
    assertSame(first, TABLE.match("/announce/"));
    assertTrue(first.params().isEmpty());
  }

  @Test
  void aLiteralSegmentBeatsAParameterWhichBeatsACatchAll() {
    RouteTable table =
        new RouteTable(
            List.of("/*any", "/:p/announce", "/a/*rest"), List.of("/a/announce", "/a/:q"));
    assertEquals(route(SCRAPE), table.match("/a/announce"));
    assertEquals(route(SCRAPE, "q", "b"), table.match("/a/b"));
    assertEquals(route(ANNOUNCE, "rest", "b/c"), table.match("/a/b/c"));
    assertEquals(route(ANNOUNCE, "p", "b"), table.match("/b/announce"));
    assertEquals(route(ANNOUNCE, "any", "b/scrape"), table.match("/b/scrape"));
    assertEquals(route(ANNOUNCE, "any", "a"), table.match("/a"));
  }

  @Test
  void aDeadEndLiteralFallsBackToAParameter() {
    RouteTable table = new RouteTable(List.of("/k/x/announce", "/:p/y/announce"), List.of());
    assertEquals(route(ANNOUNCE, "p", "k"), table.match("/k/y/announce"));
    assertEquals(route(ANNOUNCE), table.match("/k/x/announce"));
  }

  @Test
  void theSameTemplateTwiceInOneKindIsHarmless() {
    RouteTable table =
        new RouteTable(List.of("/announce", "/announce/", "/:p/a", "/:p/a"), List.of("/scrape"));
    assertEquals(route(ANNOUNCE), table.match("/announce"));
    assertEquals(route(ANNOUNCE, "p", "1"), table.match("/1/a"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/announce      | /announce",
        "/announce      | /announce/",
        "/:p/announce   | /{p}/announce",
        "/:p/announce   | /:q/announce",
        "/files/*rest   | /files/*other"
      })
  void aTemplateCannotBeBothAnnounceAndScrape(String announce, String scrape) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new RouteTable(List.of(announce), List.of(scrape)));
    assertTrue(e.getMessage().contains("'" + scrape + "'"), e.getMessage());
    assertTrue(e.getMessage().contains("'" + announce + "'"), e.getMessage());
  }

  @Test
  void oneShapeWithOtherParameterNamesIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new RouteTable(List.of("/:p/announce", "/{q}/announce"), List.of()));
    assertTrue(e.getMessage().contains("'/{q}/announce'"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "announce",
        " /announce",
        "/announce//",
        "//announce",
        "/a//b",
        "/:",
        "/:/announce",
        "/{}",
        "/{p",
        "/p}",
        "/{p}x",
        "/{p:[0-9]+}",
        "/{p q}",
        "/*",
        "/*rest/announce",
        "/files/*a/*b",
        "/:p/:p",
        "/:p/*p",
        "/a:b",
        "/a*b",
        "/an nounce",
        "/announce?x=1",
        "/announce#top",
        "/\u00e9",
        "/:p\u00e9"
      })
  void badTemplatesAreRefusedByName(String template) {
    for (List<String> announce : List.of(List.of(template), List.of("/ok"))) {
      List<String> scrape = announce.get(0).equals(template) ? List.of("/s") : List.of(template);
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> new RouteTable(announce, scrape));
      assertTrue(e.getMessage().contains("'" + template + "'"), e.getMessage());
    }
  }

  @Test
  void aNullTemplateIsRefused() {
    List<String> withNull = Arrays.asList("/announce", null);
    assertThrows(IllegalArgumentException.class, () -> new RouteTable(withNull, List.of()));
  }
}
