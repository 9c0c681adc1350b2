package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bench.load.Load;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The load generator (io.karuta.bench.load) against the deployed tracker, briefly, over both
 * protocols: every reply must be valid. Kept small (100 torrents, 500 peers, 16 requests in flight)
 * because the test configuration gives the UDP frontend a 64-datagram queue, and scrapes ask for at
 * most 5 hashes, the configured cap. This is the CI check of the generator itself.
 */
class LoadGeneratorIT extends DeployedTracker {

  @Test
  void udpLoadGetsOnlyValidReplies() {
    Map<String, String> result = load("udp", Integer.getInteger("karuta.it.udp.port", 16970));
    assertClean(result);
  }

  @Test
  void httpLoadGetsOnlyValidReplies() {
    Map<String, String> result = load("http", Integer.getInteger("karuta.it.port", 16969));
    assertClean(result);
  }

  @Test
  void httpLoadWithOneConnectionPerRequest() {
    Map<String, String> result =
        load("http", Integer.getInteger("karuta.it.port", 16969), "--close");
    assertClean(result);
  }

  private static Map<String, String> load(String protocol, int port, String... extra) {
    String[] common = {
      protocol,
      "--target",
      "127.0.0.1:" + port,
      "--torrents",
      "100",
      "--peers",
      "500",
      "--numwant",
      "20",
      "--scrape-every",
      "5",
      "--scrape-hashes",
      "5",
      "--duration",
      "1s",
      "--warmup",
      "200ms",
      "--max-requests",
      "3000",
      "--in-flight",
      "8",
      "--timeout",
      "2s"
    };
    String[] args = new String[common.length + extra.length];
    System.arraycopy(common, 0, args, 0, common.length);
    System.arraycopy(extra, 0, args, common.length, extra.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Load.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String report = out.toString(StandardCharsets.UTF_8);
    System.out.print(report);
    assertEquals(0, code, report + err.toString(StandardCharsets.UTF_8));
    return result(report);
  }

  /** The key=value pairs of the report's RESULT line. */
  private static Map<String, String> result(String report) {
    String line = report.substring(report.lastIndexOf("RESULT ")).trim();
    Map<String, String> values = new HashMap<>();
    for (String pair : line.substring("RESULT ".length()).split(" ")) {
      int eq = pair.indexOf('=');
      values.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return values;
  }

  private static void assertClean(Map<String, String> result) {
    assertTrue(Long.parseLong(result.get("valid")) > 0, result.toString());
    assertEquals("0", result.get("errors"), result.toString());
    assertEquals("0", result.get("invalid"), result.toString());
    assertEquals("0", result.get("unexpected"), result.toString());
    assertEquals("0", result.get("timeouts"), result.toString());
    assertEquals(result.get("sent"), result.get("valid"), "every request got a valid reply");
  }
}
