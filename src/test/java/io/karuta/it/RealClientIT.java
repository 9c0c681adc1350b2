package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.e2e.RealClient;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two real BitTorrent clients (libtorrent) on loopback, with DHT, LSD and PEX off, find each other
 * only through the deployed Karuta and transfer a file, over HTTP and UDP, on IPv4 and IPv6.
 * Skipped with the reason where python3-libtorrent is missing; in CI a missing client fails.
 */
class RealClientIT extends DeployedTracker {
  private static final int PORT = Integer.getInteger("karuta.it.port", 16969);
  private static final int UDP_PORT = Integer.getInteger("karuta.it.udp.port", 16970);
  private static final String IPV6_LOOPBACK_NAME = "ip6-localhost";

  @BeforeEach
  void needsTheClient() {
    RealClient.assumeAvailableOrFailInCi();
  }

  @Test
  void aLeecherDownloadsFromASeederOverIpv4() throws Exception {
    download("http://127.0.0.1:" + PORT + "/announce", 4);
  }

  /** By Debian's standard name for ::1: trackers are announced to by name in practice. */
  @Test
  void aLeecherDownloadsFromASeederOverIpv6() throws Exception {
    boolean named = false;
    for (InetAddress address : lookup(IPV6_LOOPBACK_NAME)) {
      named |= address.isLoopbackAddress() && address instanceof Inet6Address;
    }
    RealClient.requireOrFailInCi(
        named,
        IPV6_LOOPBACK_NAME
            + " does not resolve to ::1 (add \"::1 ip6-localhost\" to /etc/hosts, as .ci/run does)");
    download("http://" + IPV6_LOOPBACK_NAME + ":" + PORT + "/announce", 6);
  }

  /**
   * By the literal {@code [::1]}: libtorrent 2.0.8 then sends {@code Host: ::1:port} without
   * brackets, which the server's HTTP listener would refuse before any application code runs were
   * it not for {@code io.karuta.frontend.http.ipv6host}.
   */
  @Test
  void aLeecherDownloadsFromASeederAnnouncingToTheIpv6Literal() throws Exception {
    download("http://[::1]:" + PORT + "/announce", 6);
  }

  private static InetAddress[] lookup(String name) {
    try {
      return InetAddress.getAllByName(name);
    } catch (UnknownHostException e) {
      return new InetAddress[0];
    }
  }

  @Test
  void aLeecherDownloadsFromASeederOverUdpIpv4() throws Exception {
    download("udp://127.0.0.1:" + UDP_PORT + "/announce", 4);
  }

  @Test
  void aLeecherDownloadsFromASeederOverUdpIpv6() throws Exception {
    download("udp://[::1]:" + UDP_PORT + "/announce", 6);
  }

  private static void download(String announceUrl, int family) throws Exception {
    String scheme = announceUrl.substring(0, announceUrl.indexOf(':'));
    Path workdir =
        Files.createTempDirectory(Path.of("target"), "e2e-" + scheme + "-ipv" + family + "-");
    RealClient.Result result =
        RealClient.download(URI.create(announceUrl), family, workdir, Duration.ofSeconds(90));
    assertTrue(result.ok(), result.summary() + "\n" + result.log());
  }
}
