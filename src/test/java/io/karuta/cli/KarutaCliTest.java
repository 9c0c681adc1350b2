package io.karuta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Argument parsing: what is a usage error (exit code 2, one line saying why, then the usage). */
class KarutaCliTest {
  @Test
  void helpListsEveryCommandAndTheExitCodes() {
    Run run = Run.of("--help");

    assertEquals(0, run.exitCode());
    for (String command : List.of("e2e", "announce", "scrape", "genkey")) {
      assertTrue(run.out().contains("\n  " + command + " "), command + " in\n" + run.out());
    }
    assertTrue(run.out().contains("Exit codes: 0 all passed, 1 a check or request failed, 2"));
  }

  @Test
  void theVersionNamesTheCli() {
    Run run = Run.of("--version");

    assertEquals(0, run.exitCode());
    assertTrue(run.out().startsWith("karuta-cli "), run.out());
  }

  @Test
  void noCommandIsAUsageError() {
    assertUsageError("name a command: e2e, announce, scrape or genkey");
  }

  @Test
  void e2eNeedsAUrlOfTheRightKind() {
    assertUsageError("give --http URL, --udp URL or both", "e2e");
    assertUsageError("--http takes an http(s):// URL: udp://h:1", "e2e", "--http", "udp://h:1");
    assertUsageError(
        "--udp takes a udp:// URL: http://h/announce", "e2e", "--udp", "http://h/announce");
    assertUsageError(
        "a tracker URL starts with http://, https:// or udp://: ftp://h/announce",
        "e2e",
        "--http",
        "ftp://h/announce");
    assertUsageError(
        "a udp:// URL needs a port, such as udp://tracker.example:6969: udp://h",
        "e2e",
        "--udp",
        "udp://h");
    assertUsageError(
        "the tracker URL has no host: http:///announce", "e2e", "--http", "http:///announce");
    assertUsageError("not a URL: http://a b", "e2e", "--http", "http://a b");
  }

  @Test
  void e2eChecksItsNumbers() {
    String udp = "udp://127.0.0.1:9";
    assertUsageError("--count must be at least 1", "e2e", "--udp", udp, "--count", "0");
    assertUsageError(
        "an info-hash is 40 hex digits: 12ab", "e2e", "--udp", udp, "--infohash", "12ab");
    assertUsageError(
        "a duration is a whole number and ms, s or m, such as 500ms or 2s: 2",
        "e2e",
        "--udp",
        udp,
        "--timeout",
        "2");
    assertUsageError("--timeout must be more than 0", "e2e", "--udp", udp, "--timeout", "0s");
    assertUsageError("--attempts must be at least 1", "e2e", "--udp", udp, "--attempts", "0");
  }

  @Test
  void announceAndScrapeCheckTheirArguments() {
    assertUsageError("Missing required parameter: 'URL'", "announce");
    assertUsageError("Missing required option: '--infohash=HEX'", "scrape", "udp://127.0.0.1:9");
    assertUsageError(
        "the event is started, stopped, completed or none: paused!",
        "announce",
        "udp://127.0.0.1:9",
        "--event",
        "paused!");
    assertUsageError(
        "a peer ID is 20 characters or 40 hex digits: short",
        "announce",
        "udp://127.0.0.1:9",
        "--peer-id",
        "short");
    assertUsageError(
        "the port is 1 to 65535, got 70000", "announce", "udp://127.0.0.1:9", "--port", "70000");
  }

  private static void assertUsageError(String message, String... args) {
    Run run = Run.of(args);

    assertEquals(2, run.exitCode(), String.join(" ", args) + "\n" + run.err());
    assertTrue(run.err().contains(message), "expected '" + message + "' in\n" + run.err());
    assertTrue(run.err().contains("Usage: karuta-cli"), run.err());
    assertEquals("", run.out());
  }
}
