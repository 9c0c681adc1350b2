package io.karuta.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.storage.StoreStats;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StatsPageTest {
  @Test
  void rendersTheNumbersWithoutScript() {
    String page = StatsPage.write(StatsJsonTest.known(), "");
    assertTrue(page.contains("<span id=\"version\">1.2.3</span>"), page);
    assertTrue(page.contains("up <span id=\"uptime\">1h 0m 0s</span>"), page);
    assertTrue(
        page.contains(
            "<tr id=\"ipv4\"><th>IPv4</th><td class=\"swarms\">2</td><td class=\"seeders\">1</td>"
                + "<td class=\"leechers\">3</td><td class=\"downloads\">4</td></tr>"),
        page);
    assertTrue(
        page.contains(
            "<td data-total=\"http_announce\">12</td><td data-rate=\"http_announce\">0.333</td>"),
        page);
    assertTrue(
        page.contains(
            "<tr><td class=\"hash\">"
                + StatsJsonTest.HASH_A
                + "</td><td>ipv4</td><td>1</td><td>2</td><td>4</td></tr>"),
        page);
    assertTrue(page.contains("data-interval-seconds=\"1.5\""), page);
  }

  @Test
  void hasNoInlineScriptOrStyleAndOnlyRelativeUrls() {
    String page = StatsPage.write(StatsJsonTest.known(), "");
    assertFalse(page.contains("<style"), "inline style sheet");
    assertFalse(page.contains(" style="), "inline style attribute");
    assertFalse(page.contains("//"), "a URL with a host");
    Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(page);
    int count = 0;
    while (scripts.find()) {
      assertTrue(scripts.group(1).contains(" src=\"stats/stats.js\""), scripts.group());
      count++;
    }
    assertEquals(1, count);
    Matcher urls = Pattern.compile("(?:href|src|data-source)=\"([^\"]*)\"").matcher(page);
    List<String> found = urls.results().map(m -> m.group(1)).toList();
    assertEquals(
        List.of("stats/stats.css", "stats/stats.js", "stats.json", "stats.json", "stats/metrics"),
        found);
  }

  @Test
  void climbsOneLevelWhenAskedForWithATrailingSlash() {
    String page = StatsPage.write(StatsJsonTest.known(), "../");
    assertTrue(page.contains("src=\"../stats/stats.js\""), page);
    assertTrue(page.contains("data-source=\"../stats.json\""), page);
  }

  @Test
  void escapesTextAndShowsAnEmptyTracker() {
    StatsSnapshot odd =
        new StatsSnapshot(
            "<b>&\"'",
            StatsJsonTest.STARTED,
            StatsJsonTest.STARTED.plusSeconds(90_061),
            Duration.ofSeconds(5),
            null,
            "memory",
            false,
            StoreStats.EMPTY,
            new long[5],
            List.of());
    String page = StatsPage.write(odd, "");
    assertTrue(page.contains("Version <span id=\"version\">&lt;b&gt;&amp;&quot;&#39;</span>"));
    assertTrue(page.contains("<span id=\"uptime\">1d 1h 1m 1s</span>"), page);
    assertTrue(page.contains("<strong>unreachable</strong>"), page);
    assertTrue(page.contains("sampled at <span id=\"sampled-at\">never</span>"), page);
    assertTrue(page.contains("<p id=\"top-empty\">No swarms.</p>"), page);
    assertTrue(
        page.contains("<td data-total=\"udp_scrape\">0</td><td data-rate=\"udp_scrape\">-</td>"),
        page);
  }
}
