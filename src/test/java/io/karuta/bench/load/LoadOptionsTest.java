package io.karuta.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

  private static String failure(String... args) {
    return assertThrows(UsageException.class, () -> LoadOptions.parse(args)).getMessage();
  }

  @Test
  void defaultsForUdp() throws UsageException {
    LoadOptions o = LoadOptions.parse("udp", "--target", "127.0.0.1:6969");
    assertEquals(1000, o.torrents());
    assertEquals(10_000, o.peers());
    assertEquals(20, o.seedersPercent());
    assertEquals(50, o.numWant());
    assertEquals(20, o.scrapeEvery());
    assertEquals(10, o.scrapeHashes());
    assertEquals(Duration.ofSeconds(10), o.duration());
    assertEquals(Duration.ofSeconds(2), o.warmup());
    assertEquals(0, o.maxRequests());
    assertEquals(64, o.inFlight());
    assertEquals(0.0, o.rate());
    assertEquals(Duration.ofSeconds(1), o.timeout());
    assertEquals(8, o.sockets());
    assertEquals(6969, o.target().address().getPort());
    assertEquals(6, o.target().peerStride());
    assertFalse(o.http());
  }

  @Test
  void httpInFlightFollowsConnections() throws UsageException {
    LoadOptions o = LoadOptions.parse("http", "--target=localhost:80", "--connections", "5");
    assertEquals(5, o.inFlight());
    assertTrue(o.http());
    assertFalse(o.close());
    assertEquals("/announce", o.announcePath());
    assertEquals("/scrape", o.scrapePath());
  }

  @Test
  void everyOptionIsRead() throws UsageException {
    LoadOptions o =
        LoadOptions.parse(
            "http",
            "--target",
            "[::1]:7000",
            "--torrents",
            "7",
            "--peers",
            "9",
            "--seeders",
            "100",
            "--numwant",
            "0",
            "--scrape-every",
            "0",
            "--scrape-hashes",
            "5",
            "--duration",
            "1m",
            "--warmup",
            "0",
            "--max-requests",
            "123",
            "--rate",
            "2.5",
            "--timeout",
            "250ms",
            "--seed",
            "-4",
            "--connections",
            "3",
            "--in-flight",
            "2",
            "--close",
            "--path",
            "/x/announce.php");
    assertEquals(7, o.torrents());
    assertEquals(9, o.peers());
    assertEquals(100, o.seedersPercent());
    assertEquals(0, o.numWant());
    assertEquals(0, o.scrapeEvery());
    assertEquals(5, o.scrapeHashes());
    assertEquals(Duration.ofMinutes(1), o.duration());
    assertEquals(Duration.ZERO, o.warmup());
    assertEquals(123, o.maxRequests());
    assertEquals(2.5, o.rate());
    assertEquals(Duration.ofMillis(250), o.timeout());
    assertEquals(-4, o.seed());
    assertEquals(3, o.connections());
    assertEquals(2, o.inFlight());
    assertTrue(o.close());
    assertEquals("/x/scrape.php", o.scrapePath());
    assertTrue(o.target().ipv6());
    assertEquals(18, o.target().peerStride());
  }

  @Test
  void hashesNeedsNoTarget() throws UsageException {
    LoadOptions o = LoadOptions.parse("hashes", "--torrents", "3", "--seed", "1");
    assertNull(o.target());
    assertEquals(3, o.torrents());
    assertEquals(
        "option --target does not apply to 'hashes'", failure("hashes", "--target", "127.0.0.1:1"));
  }

  @Test
  void badArgumentsNameTheOption() {
    assertEquals("no command given: write udp, http or hashes", failure());
    assertEquals("unknown command 'tcp': write udp, http or hashes", failure("tcp"));
    assertTrue(failure("udp").startsWith("option --target is required"));
    assertEquals("unknown option '--bogus'", failure("udp", "--bogus", "1"));
    assertEquals(
        "option --torrents: expected a whole number, got 'many'",
        failure("udp", "--target", "127.0.0.1:1", "--torrents", "many"));
    assertEquals(
        "option --seeders: 101 is out of range 0 to 100",
        failure("udp", "--target", "127.0.0.1:1", "--seeders", "101"));
    assertEquals(
        "option --peers needs a value", failure("udp", "--target", "127.0.0.1:1", "--peers"));
    assertEquals(
        "option --close does not apply to 'udp'",
        failure("udp", "--target", "127.0.0.1:1", "--close"));
    assertEquals(
        "option --sockets does not apply to 'http'",
        failure("http", "--target", "127.0.0.1:1", "--sockets", "2"));
    assertEquals(
        "option --close takes no value", failure("http", "--target", "127.0.0.1:1", "--close=yes"));
    assertEquals(
        "option --seed is given twice",
        failure("udp", "--target", "127.0.0.1:1", "--seed", "1", "--seed", "2"));
    assertTrue(
        failure("udp", "--target", "127.0.0.1:1", "--duration", "10")
            .startsWith("option --duration: "));
    assertEquals(
        "option --timeout: must be more than 0",
        failure("udp", "--target", "127.0.0.1:1", "--timeout", "0"));
    assertTrue(
        failure("udp", "--target", "127.0.0.1:1", "--rate", "-1").startsWith("option --rate: "));
    assertEquals(
        "option --in-flight: 9 exceeds --connections 8 (http sends one request per connection)",
        failure("http", "--target", "127.0.0.1:1", "--connections", "8", "--in-flight", "9"));
    assertTrue(
        failure("http", "--target", "127.0.0.1:1", "--path", "/tracker")
            .startsWith("option --path: "));
  }

  @Test
  void targetMustBeLoopback() {
    assertEquals(
        "option --target: 10.1.2.3 is not a loopback address;"
            + " this generator only loads 127.0.0.0/8 or ::1",
        failure("udp", "--target", "10.1.2.3:6969"));
    assertTrue(failure("udp", "--target", "[2001:db8::1]:6969").contains("not a loopback"));
    assertEquals(
        "option --target: expected host:port, got '127.0.0.1'",
        failure("udp", "--target", "127.0.0.1"));
    assertEquals(
        "option --target: port must be 1 to 65535 in '127.0.0.1:0'",
        failure("udp", "--target", "127.0.0.1:0"));
    assertEquals(
        "option --target: write an IPv6 address as [addr]:port",
        failure("udp", "--target", "::1:6969"));
  }

  @Test
  void anyAddressOfTheLoopbackNetworkIsAccepted() throws UsageException {
    assertEquals(
        "127.3.4.5",
        LoadOptions.parse("udp", "--target", "127.3.4.5:9")
            .target()
            .address()
            .getAddress()
            .getHostAddress());
  }
}
