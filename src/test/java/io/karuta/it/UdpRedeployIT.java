package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * A real redeploy inside one running Payara Micro: the WAR is undeployed and deployed again, and
 * the UDP tracker answers before and after on the same port, so undeploy released the socket and no
 * "address in use" stops the new deployment. Runs Payara Micro in a child JVM ({@link
 * RedeployLauncher}), driven over its standard input.
 */
class UdpRedeployIT {
  private static final int HTTP_PORT = 16971;

  /** As in src/test/resources/it/karuta-redeploy.yaml. */
  private static final int UDP_PORT = 16972;

  @Test
  void theUdpPortIsReleasedAndBoundAgainOnRedeploy() throws Exception {
    Process micro = launch();
    BlockingQueue<String> lines = pump(micro, Path.of("target", "redeploy-it.log"));
    List<String> seen = new ArrayList<>();
    try (Writer commands =
        new OutputStreamWriter(micro.getOutputStream(), StandardCharsets.UTF_8)) {
      awaitLine(lines, "KARUTA READY", seen);
      assertFalse(String.join("\n", seen).contains("Exception while loading the app"), "deployed");
      udp().connect();
      UdpAnnounceIT.announce(
          udp(), Announce.randomInfoHash(), "-KR0001-000000000001", 5, 2, 5, 7777);
      TrackerClient http = new TrackerClient("127.0.0.1", HTTP_PORT);
      assertEquals(200, http.announce(Announce.fresh()).status());
      commands.write("redeploy\n");
      commands.flush();
      awaitLine(lines, "KARUTA REDEPLOYED", seen);
      udp().connect();
      String all = String.join("\n", seen);
      assertFalse(all.contains("Address already in use"), all);
      assertFalse(all.contains("cannot bind the UDP tracker"), all);
      assertFalse(all.contains("failed to remove it when the web application was stopped"), all);
      assertEquals(2, count(all, "UDP tracker listening on"), "bound at deploy and at redeploy");
      assertEquals(1, count(all, "UDP tracker stopped"), "closed at undeploy");
    } finally {
      micro.destroy();
      if (!micro.waitFor(30, TimeUnit.SECONDS)) {
        micro.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  /** Copies the child's output, line by line, to a queue and to a log file for diagnosis. */
  private static BlockingQueue<String> pump(Process process, Path log) throws IOException {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader out =
                      new BufferedReader(
                          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                  file) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  file.write(line);
                  file.write('\n');
                  file.flush();
                  lines.add(line);
                }
              } catch (IOException e) {
                lines.add("pump failed: " + e);
              }
            },
            "redeploy-it-output");
    pump.setDaemon(true);
    pump.start();
    return lines;
  }

  /** Takes lines (kept in {@code seen}) until one contains {@code wanted}, for at most 180 s. */
  private static void awaitLine(BlockingQueue<String> lines, String wanted, List<String> seen)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      if (line != null) {
        seen.add(line);
        if (line.contains(wanted)) {
          return;
        }
      }
    }
    throw new AssertionError("no '" + wanted + "' within 180 s; see target/redeploy-it.log");
  }

  private static UdpTrackerClient udp() {
    return new UdpTrackerClient("127.0.0.1", UDP_PORT);
  }

  private static Process launch() throws IOException {
    Path microJar = Path.of("target", "payara-micro.jar");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-XX:TieredStopAtLevel=1");
    // `java -jar` would apply these from the manifest; a custom main class must pass them itself.
    try (JarFile jar = new JarFile(microJar.toFile())) {
      Attributes attributes = jar.getManifest().getMainAttributes();
      for (String module : attributes.getValue("Add-Opens").split(" ")) {
        command.add("--add-opens=" + module + "=ALL-UNNAMED");
      }
      for (String module : attributes.getValue("Add-Exports").split(" ")) {
        command.add("--add-exports=" + module + "=ALL-UNNAMED");
      }
    }
    command.add(
        "-Dkaruta.config="
            + Path.of("src/test/resources/it/karuta-redeploy.yaml").toAbsolutePath());
    command.add("-Dredeploy.war=" + Path.of("target", "karuta.war").toAbsolutePath());
    command.add("-cp");
    command.add(microJar + java.io.File.pathSeparator + Path.of("target", "test-classes"));
    command.add(RedeployLauncher.class.getName());
    command.addAll(
        List.of(
            "--nohazelcast",
            "--disablephonehome",
            "--port",
            String.valueOf(HTTP_PORT),
            "--deploy",
            Path.of("target", "karuta.war").toAbsolutePath() + ":/"));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }
}
