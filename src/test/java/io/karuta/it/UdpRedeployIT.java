package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * A real redeploy inside one running Payara Micro: the WAR is undeployed and deployed again, and
 * the UDP tracker answers before and after on the same port, so undeploy released the socket and no
 * "address in use" stops the new deployment. The HTTP listener's IPv6 Host filter is taken out at
 * undeploy and put in again, never twice. Runs Payara Micro in a child JVM ({@link
 * RedeployLauncher}), driven over its standard input.
 */
class UdpRedeployIT {
  private static final int HTTP_PORT = 16971;

  /** As in src/test/resources/it/karuta-redeploy.yaml. */
  private static final int UDP_PORT = 16972;

  private static final Duration STARTUP = Duration.ofSeconds(180);

  @Test
  void theUdpPortIsReleasedAndBoundAgainOnRedeploy() throws Exception {
    Process micro = launch();
    ProcessOutput output = ProcessOutput.pump(micro, Path.of("target", "redeploy-it.log"));
    try (Writer commands =
        new OutputStreamWriter(micro.getOutputStream(), StandardCharsets.UTF_8)) {
      output.awaitLine("KARUTA READY", STARTUP);
      assertFalse(output.text().contains("Exception while loading the app"), "deployed");
      udp().connect();
      UdpAnnounceIT.announce(
          udp(), Announce.randomInfoHash(), "-KR0001-000000000001", 5, 2, 5, 7777);
      TrackerClient http = new TrackerClient("127.0.0.1", HTTP_PORT);
      assertEquals(200, http.announce(Announce.fresh()).status());
      assertAnsweredWithABareIpv6Host(http);
      commands.write("redeploy\n");
      commands.flush();
      output.awaitLine("KARUTA REDEPLOYED", STARTUP);
      udp().connect();
      assertAnsweredWithABareIpv6Host(http);
      String all = output.text();
      assertFalse(all.contains("Address already in use"), all);
      assertFalse(all.contains("cannot bind the UDP tracker"), all);
      assertFalse(all.contains("failed to remove it when the web application was stopped"), all);
      assertEquals(2, count(all, "UDP tracker listening on"), "bound at deploy and at redeploy");
      assertEquals(1, count(all, "UDP tracker stopped"), "closed at undeploy");
      assertEquals(
          2,
          count(all, "Bracketing bare IPv6 Host values on HTTP listener http-listener"),
          "the Host filter, put in at deploy and at redeploy");
      assertFalse(
          all.contains("left by an earlier deployment"), "undeploy took the first filter out");
      assertFalse(all.contains("Cannot bracket"), all);
    } finally {
      micro.destroy();
      if (!micro.waitFor(30, TimeUnit.SECONDS)) {
        micro.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  // The Host value is what matters, not the connection's address family.
  private static void assertAnsweredWithABareIpv6Host(TrackerClient http) {
    TrackerClient.Reply reply =
        http.rawGet("/announce?" + Announce.fresh().query(), "::1:" + HTTP_PORT);
    assertEquals(200, reply.status());
    assertTrue(reply.text().startsWith("d8:complete"), reply.text());
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
