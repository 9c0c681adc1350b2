package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The stats page in a real headless browser (Debian's {@code chromium}, which {@code .ci/run}
 * installs): after a few seconds of HTTP and UDP announces, the page's script has drawn the request
 * rates (the canvas reports the points it drew) and the screenshot, kept as {@code
 * target/stats-page.png} for review, shows the lines in their colours. Chromium is kept to
 * 127.0.0.1: no DNS (every other name resolves to nothing), no background services.
 */
class StatsPageBrowserIT {
  private static final Duration STARTUP = Duration.ofSeconds(150);
  private static final Duration BROWSER = Duration.ofSeconds(90);
  private static final Path CHROMIUM =
      Path.of(System.getProperty("karuta.test.chromium", "/usr/bin/chromium"));
  private static final Path SCREENSHOT = Path.of("target", "stats-page.png").toAbsolutePath();

  /** The line colours of {@code stats.js}: http_announce and udp_announce. */
  private static final int HTTP_ANNOUNCE = 0x1f77b4;

  private static final int UDP_ANNOUNCE = 0xff7f0e;

  /** A legend swatch is 10 by 10 pixels; a line across the chart is far more. */
  private static final int LINE_PIXELS = 400;

  private static KarutaProcess tracker;
  private static Path profile;

  /** Shows the end of the tracker's log when a test fails. */
  @RegisterExtension
  static final LogsOnFailure LOGS =
      new LogsOnFailure("StatsPageBrowserIT", () -> "tracker: " + tracker);

  @BeforeAll
  static void start() throws Exception {
    assertTrue(
        Files.isExecutable(CHROMIUM),
        CHROMIUM
            + " is missing: install Debian's chromium (apt-get install --no-install-recommends"
            + " chromium; .ci/run does) or name another with -Dkaruta.test.chromium=PATH");
    tracker = KarutaProcess.launch("stats-browser", "karuta:\n  stats:\n    sample_interval: 1s\n");
    tracker.awaitReady(STARTUP);
    profile = Files.createTempDirectory("karuta-chromium");
    announceForSeconds(4);
  }

  @AfterAll
  static void stop() throws Exception {
    if (tracker != null) {
      tracker.stop();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  /** Two swarms, announced over HTTP and UDP for {@code seconds}, so every sample has traffic. */
  private static void announceForSeconds(int seconds) throws InterruptedException {
    Announce http = Announce.fresh();
    byte[] udpHash = Announce.randomInfoHash();
    UdpTrackerClient udp = tracker.udp();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    int round = 0;
    while (System.nanoTime() < end) {
      round++;
      for (int peer = 1; peer <= 4; peer++) {
        assertEquals(
            null, tracker.http().announce(http.peer(peer, 41000 + peer).event("")).failure());
      }
      long connection = udp.connect();
      ByteBuffer reply =
          ByteBuffer.wrap(
              udp.exchange(
                  UdpTrackerClient.announce(
                      connection, round, udpHash, "-KR0001-000000000042", 10, 0, 5, 42000)));
      assertEquals(1, reply.getInt(0), "UDP announce action");
      Thread.sleep(100);
    }
    // At least three samples with traffic, so the chart has lines, not dots.
    Poll.until(
        "three rate samples",
        Duration.ofSeconds(10),
        () -> tracker.http().get("/stats.json").text().split("\"at\":", -1).length > 3);
  }

  @Test
  void theScriptDrawsTheRatesAndTheNumbersAreInTheDom() throws Exception {
    String dom = chromium("dom", "--dump-dom");
    Matcher canvas = Pattern.compile("<canvas id=\"rates\"[^>]*>").matcher(dom);
    assertTrue(canvas.find(), dom);
    Matcher points = Pattern.compile("data-points=\"(\\d+)\"").matcher(canvas.group());
    assertTrue(points.find(), canvas.group());
    assertTrue(Integer.parseInt(points.group(1)) >= 3, "points drawn: " + canvas.group());
    assertFalse(canvas.group().contains("data-error"), canvas.group());
    assertTrue(
        dom.contains(
            "<tr id=\"ipv4\"><th>IPv4</th><td class=\"swarms\">2</td>"
                + "<td class=\"seeders\">0</td><td class=\"leechers\">5</td>"),
        dom);
    assertTrue(dom.contains("<li><span class=\"swatch\""), "the legend: " + dom);
  }

  @Test
  void theScreenshotShowsTheLines() throws Exception {
    Files.deleteIfExists(SCREENSHOT);
    chromium("screenshot", "--screenshot=" + SCREENSHOT, "--hide-scrollbars");
    assertTrue(Files.isRegularFile(SCREENSHOT), SCREENSHOT + " was not written");
    BufferedImage image = ImageIO.read(SCREENSHOT.toFile());
    assertEquals(1200, image.getWidth());
    int http = pixelsNear(image, HTTP_ANNOUNCE);
    int udp = pixelsNear(image, UDP_ANNOUNCE);
    System.out.printf(
        "StatsPageBrowserIT: %s, %d http_announce and %d udp_announce pixels%n",
        SCREENSHOT, http, udp);
    assertTrue(http > LINE_PIXELS, "http_announce line pixels: " + http);
    assertTrue(udp > LINE_PIXELS, "udp_announce line pixels: " + udp);
  }

  /** Counts the pixels within a small distance of {@code rgb} (lines are anti-aliased). */
  private static int pixelsNear(BufferedImage image, int rgb) {
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int pixel = image.getRGB(x, y);
        int distance =
            Math.abs(((pixel >> 16) & 0xff) - ((rgb >> 16) & 0xff))
                + Math.abs(((pixel >> 8) & 0xff) - ((rgb >> 8) & 0xff))
                + Math.abs((pixel & 0xff) - (rgb & 0xff));
        if (distance <= 24) {
          count++;
        }
      }
    }
    return count;
  }

  /**
   * Runs headless chromium on the stats page with {@code extra} flags; returns its standard output,
   * or fails with its log if it does not end within {@link #BROWSER} or ends with an error.
   */
  private static String chromium(String name, String... extra)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-default-apps",
                "--disable-extensions",
                "--disable-domain-reliability",
                "--disable-client-side-phishing-detection",
                "--disable-breakpad",
                "--no-pings",
                "--disable-features=OptimizationHints,Translate,MediaRouter,"
                    + "DialMediaRouteProvider,AutofillServerCommunication,"
                    + "CertificateTransparencyComponentUpdater",
                // Without these, it looks up accounts.google.com and clients2.google.com.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--proxy-server=direct://",
                "--user-data-dir=" + profile,
                "--virtual-time-budget=8000",
                "--window-size=1200,900"));
    command.addAll(List.of(extra));
    command.add("http://127.0.0.1:" + tracker.httpPort() + "/stats");
    Path out = Path.of("target", "chromium-" + name + ".out").toAbsolutePath();
    Path log = Path.of("target", "chromium-" + name + ".log").toAbsolutePath();
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(log.toFile())
            .start();
    if (!process.waitFor(BROWSER.toSeconds(), TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError(
          "chromium did not finish within " + BROWSER.toSeconds() + " s; " + tail(log));
    }
    assertEquals(0, process.exitValue(), "chromium's exit status; " + tail(log));
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  private static String tail(Path log) throws IOException {
    String text = Files.readString(log, StandardCharsets.UTF_8);
    return log + " ends with:\n" + text.substring(Math.max(0, text.length() - 3000));
  }
}
