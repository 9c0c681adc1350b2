package io.karuta.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.InfoHash;
import io.karuta.storage.StoreStats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsJsonTest {
  static final Instant STARTED = Instant.parse("2026-01-02T03:04:05.678Z");
  static final String HASH_A = "00112233445566778899aabbccddeeff00112233";
  static final String HASH_B = "ffeeddccbbaa9988776655443322110000000001";

  /** A tracker up one hour with two IPv4 swarms, one IPv6 swarm and two rate samples. */
  static StatsSnapshot known() {
    StoreStats store =
        new StoreStats(
            new StoreStats.Totals(2, 1, 3, 4),
            new StoreStats.Totals(1, 0, 1, 0),
            List.of(
                new StoreStats.TopSwarm(InfoHash.fromHex(HASH_A), AddressFamily.IPV4, 1, 2, 4),
                new StoreStats.TopSwarm(InfoHash.fromHex(HASH_B), AddressFamily.IPV6, 0, 1, 0)));
    return new StatsSnapshot(
        "1.2.3",
        STARTED,
        STARTED.plusSeconds(3600).plusMillis(999),
        Duration.ofMillis(1500),
        Instant.parse("2026-01-02T04:04:05Z"),
        "memory",
        true,
        store,
        new long[] {12, 0, 3, 4, 1},
        List.of(
            new RateSample(Instant.parse("2026-01-02T04:04:03.5Z"), new double[] {2, 0, 0.5, 1, 0}),
            new RateSample(
                Instant.parse("2026-01-02T04:04:05.000123Z"),
                new double[] {0.3333333, 0, 1e-4, 12.25, 0.0006})));
  }

  @Test
  void writesAKnownSnapshotExactly() {
    String expected =
        "{\"version\":\"1.2.3\",\"started\":\"2026-01-02T03:04:05.678Z\",\"uptime_seconds\":3600,"
            + "\"sample_interval_seconds\":1.5,\"sampled_at\":\"2026-01-02T04:04:05Z\","
            + "\"store\":{\"name\":\"memory\",\"reachable\":true,"
            + "\"ipv4\":{\"swarms\":2,\"seeders\":1,\"leechers\":3,\"downloads\":4},"
            + "\"ipv6\":{\"swarms\":1,\"seeders\":0,\"leechers\":1,\"downloads\":0}},"
            + "\"top_torrents\":["
            + "{\"info_hash\":\""
            + HASH_A
            + "\",\"address_family\":\"ipv4\",\"seeders\":1,\"leechers\":2,\"downloads\":4},"
            + "{\"info_hash\":\""
            + HASH_B
            + "\",\"address_family\":\"ipv6\",\"seeders\":0,\"leechers\":1,\"downloads\":0}],"
            + "\"requests\":{\"totals\":{\"http_announce\":12,\"http_scrape\":0,"
            + "\"udp_connect\":3,\"udp_announce\":4,\"udp_scrape\":1},"
            + "\"rates\":["
            + "{\"at\":\"2026-01-02T04:04:03.500Z\",\"http_announce\":2,\"http_scrape\":0,"
            + "\"udp_connect\":0.5,\"udp_announce\":1,\"udp_scrape\":0},"
            + "{\"at\":\"2026-01-02T04:04:05Z\",\"http_announce\":0.333,\"http_scrape\":0,"
            + "\"udp_connect\":0,\"udp_announce\":12.25,\"udp_scrape\":0.001}]}}";
    assertEquals(expected, StatsJson.write(known()));
  }

  @Test
  void writesAnEmptyTrackerBeforeItsFirstSample() {
    StatsSnapshot empty =
        new StatsSnapshot(
            "unknown",
            STARTED,
            STARTED,
            Duration.ofSeconds(5),
            null,
            "redis",
            false,
            StoreStats.EMPTY,
            new long[5],
            List.of());
    assertEquals(
        "{\"version\":\"unknown\",\"started\":\"2026-01-02T03:04:05.678Z\",\"uptime_seconds\":0,"
            + "\"sample_interval_seconds\":5,\"sampled_at\":null,"
            + "\"store\":{\"name\":\"redis\",\"reachable\":false,"
            + "\"ipv4\":{\"swarms\":0,\"seeders\":0,\"leechers\":0,\"downloads\":0},"
            + "\"ipv6\":{\"swarms\":0,\"seeders\":0,\"leechers\":0,\"downloads\":0}},"
            + "\"top_torrents\":[],\"requests\":{\"totals\":{\"http_announce\":0,"
            + "\"http_scrape\":0,\"udp_connect\":0,\"udp_announce\":0,\"udp_scrape\":0},"
            + "\"rates\":[]}}",
        StatsJson.write(empty));
  }

  @Test
  void escapesStrings() {
    StringBuilder out = new StringBuilder();
    StatsJson.string(out, "a\"b\\c\n\r\t\b\f\u0001\u001f</script>&\u2028\u2029é€");
    assertEquals(
        "\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u001f\\u003c/script\\u003e\\u0026\\u2028\\u2029é€\"",
        out.toString());
  }

  @Test
  void escapesTheVersionAndStoreName() {
    StatsSnapshot odd =
        new StatsSnapshot(
            "1.0\"-<x>",
            STARTED,
            STARTED,
            Duration.ofSeconds(1),
            null,
            "my\\store",
            true,
            StoreStats.EMPTY,
            new long[5],
            List.of());
    String json = StatsJson.write(odd);
    assertEquals(true, json.startsWith("{\"version\":\"1.0\\\"-\\u003cx\\u003e\","), json);
    assertEquals(true, json.contains("\"name\":\"my\\\\store\""), json);
  }

  @Test
  void refusesASnapshotWithoutOneTotalPerRateKey() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new StatsSnapshot(
                "v",
                STARTED,
                STARTED,
                Duration.ofSeconds(1),
                null,
                "memory",
                true,
                StoreStats.EMPTY,
                new long[4],
                List.of()));
  }
}
