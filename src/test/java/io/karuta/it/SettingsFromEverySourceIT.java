package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.IpAddress;
import io.karuta.frontend.udp.ConnectionIds;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Settings as operators write them, on the uber-jar: {@code udp.addr: ":port"} (Go's form) binds
 * every interface, and every setting whose empty value means something (off, nobody, the
 * connection's address, a random key) means it whether the empty value comes from the file, a
 * {@code KARUTA_*} variable or a system property, also when a lower source sets a value.
 *
 * <p>Three instances: {@code control} takes the file as it is (so each check below can see the
 * value being overridden); {@code empty-in-file} has {@code udp.addr: ""} and {@code
 * stats.allowed_networks: ""} in its file and {@code KARUTA_HTTP_REAL_IP_HEADER=} in its
 * environment; {@code empty-overrides} has {@code -Dkaruta.http.trusted_proxies=} and {@code
 * KARUTA_UDP_PRIVATE_KEY=} over the control's file.
 */
class SettingsFromEverySourceIT {
  private static final Duration STARTUP = Duration.ofSeconds(150);
  private static final String KEY = "a key from the file";
  private static final String REAL_IP = "X-Real-IP";
  private static final String CLIENT = "203.0.113.9";

  private static KarutaProcess control;
  private static KarutaProcess emptyInFile;
  private static KarutaProcess emptyOverrides;

  @RegisterExtension
  static final LogsOnFailure LOGS =
      new LogsOnFailure(
          "SettingsFromEverySourceIT",
          () ->
              "control: "
                  + control
                  + "\nempty-in-file: "
                  + emptyInFile
                  + "\nempty-overrides: "
                  + emptyOverrides);

  @BeforeAll
  static void start() throws Exception {
    int controlUdp = KarutaProcess.freeUdpPort();
    control =
        KarutaProcess.launch(
            "settings-control",
            file("\":" + controlUdp + "\"", ""),
            controlUdp,
            fileUdpAddress(),
            List.of());
    emptyInFile =
        KarutaProcess.launch(
            "settings-empty-in-file",
            file("\"\"", "  stats:\n    allowed_networks: \"\"\n"),
            0,
            fileUdpAddress("KARUTA_HTTP_REAL_IP_HEADER", ""),
            List.of());
    Map<String, String> emptyKey = new HashMap<>();
    emptyKey.put("KARUTA_UDP_PRIVATE_KEY", "");
    emptyOverrides =
        KarutaProcess.launch(
            "settings-empty-overrides",
            file("\"127.0.0.1:6969\"", ""),
            KarutaProcess.freeUdpPort(),
            emptyKey,
            List.of("-Dkaruta.http.trusted_proxies="));
    control.awaitReady(STARTUP);
    emptyInFile.awaitReady(STARTUP);
    emptyOverrides.awaitReady(STARTUP);
  }

  /** The file of every instance: a trusted proxy on loopback and a UDP key. */
  private static String file(String udpAddr, String more) {
    return "karuta:\n"
        + "  http:\n"
        + "    real_ip_header: "
        + REAL_IP
        + "\n    trusted_proxies: [127.0.0.1]\n"
        + "  udp:\n"
        + "    addr: "
        + udpAddr
        + "\n    private_key: \""
        + KEY
        + "\"\n    workers: 1\n"
        + more;
  }

  /** No {@code KARUTA_UDP_ADDR}, so the file's {@code udp.addr} applies, plus these variables. */
  private static Map<String, String> fileUdpAddress(String... variables) {
    Map<String, String> environment = new HashMap<>();
    environment.put("KARUTA_UDP_ADDR", null);
    for (int i = 0; i < variables.length; i += 2) {
      environment.put(variables[i], variables[i + 1]);
    }
    return environment;
  }

  @AfterAll
  static void stop() throws Exception {
    for (KarutaProcess process : new KarutaProcess[] {control, emptyInFile, emptyOverrides}) {
      if (process != null) {
        process.stop();
      }
    }
  }

  @Test
  void portAloneInTheFileBindsEveryInterfaceIpv4AndIpv6() {
    for (String host : List.of("127.0.0.1", "::1")) {
      UdpTrackerClient client = new UdpTrackerClient(host, control.udpPort());
      long id = client.connect();
      byte[] reply = client.exchange(UdpTrackerClient.scrape(id, 11, Announce.randomInfoHash()));
      assertEquals(2, ByteBuffer.wrap(reply).getInt(0), "scrape answered over " + host);
    }
  }

  @Test
  void emptyUdpAddrInTheFileTurnsUdpOffAndHealthStaysUp() throws IOException {
    assertEquals(Set.of(), udpSocketsOf(emptyInFile.pid()), "UDP sockets of the tracker JVM");
    TrackerClient.Reply ready = emptyInFile.http().get("/health/ready");
    assertEquals(200, ready.status(), ready.text());
    assertTrue(ready.text().contains("\"udp\":\"off\""), ready.text());
    TrackerClient.Reply live = emptyInFile.http().get("/health/live");
    assertEquals(200, live.status(), live.text());
    assertTrue(live.text().contains("\"udp\":\"off\""), live.text());
    assertTrue(udpSocketsOf(control.pid()).size() > 0, "the control's UDP socket is seen");
  }

  @Test
  void emptyAllowedNetworksInTheFileLetsNobodyReadTheStats() {
    assertEquals(200, control.http().get("/stats.json").status(), "loopback by default");
    assertEquals(403, emptyInFile.http().get("/stats.json").status());
  }

  @Test
  void emptyRealIpHeaderFromTheEnvironmentUsesTheConnectionsAddress() {
    assertEquals(CLIENT, selfAddress(control), "the file's header, from its trusted proxy");
    assertEquals("127.0.0.1", selfAddress(emptyInFile));
  }

  @Test
  void emptyTrustedProxiesFromASystemPropertyTrustsNobody() {
    assertEquals("127.0.0.1", selfAddress(emptyOverrides));
  }

  @Test
  void emptyPrivateKeyFromTheEnvironmentPicksARandomKey() {
    long signedWithFileKey =
        new ConnectionIds(
                KEY.getBytes(StandardCharsets.UTF_8),
                Duration.ofMinutes(2),
                Duration.ofSeconds(10),
                InstantSource.system())
            .generate(IpAddress.parse("127.0.0.1"));
    byte[] scrape = UdpTrackerClient.scrape(signedWithFileKey, 12, Announce.randomInfoHash());
    assertEquals(2, ByteBuffer.wrap(control.udp().exchange(scrape)).getInt(0), "the file's key");
    assertEquals(
        "bad connection ID", UdpTrackerClient.errorText(emptyOverrides.udp().exchange(scrape), 12));
  }

  /** Announces with the real-IP header from loopback; a lone peer is handed itself. */
  private static String selfAddress(KarutaProcess tracker) {
    Announce announce = Announce.fresh().dictionaryPeers();
    List<?> peers =
        (List<?>) tracker.http().announce(announce, REAL_IP, CLIENT).dict().get("peers");
    return new String((byte[]) ((Map<?, ?>) peers.get(0)).get("ip"), StandardCharsets.US_ASCII);
  }

  /** The inodes of the UDP sockets (IPv4 and IPv6) that process {@code pid} holds open. */
  private static Set<String> udpSocketsOf(long pid) throws IOException {
    Set<String> udp = new HashSet<>();
    for (String table : List.of("/proc/net/udp", "/proc/net/udp6")) {
      List<String> lines = Files.readAllLines(Path.of(table));
      for (String line : lines.subList(1, lines.size())) {
        udp.add(line.trim().split("\\s+")[9]);
      }
    }
    Set<String> held = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
      fds.forEach(
          fd -> {
            try {
              String target = Files.readSymbolicLink(fd).toString();
              if (target.startsWith("socket:[")) {
                String inode = target.substring(8, target.length() - 1);
                if (udp.contains(inode)) {
                  held.add(inode);
                }
              }
            } catch (IOException closedMeanwhile) {
              // The descriptor closed while listing: not a socket we look for.
            }
          });
    }
    return held;
  }
}
