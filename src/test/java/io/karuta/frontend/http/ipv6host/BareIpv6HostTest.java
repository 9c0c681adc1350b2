package io.karuta.frontend.http.ipv6host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BareIpv6HostTest {
  private static final int LOCAL = 6969;

  @ParameterizedTest(name = "{0} on local port {1} -> {2}")
  @CsvSource({
    // libtorrent 2.0.8 for http://[::1]:6969/announce and http://[::1]/announce
    "::1:6969, 6969, '[::1]:6969'",
    "::1, 6969, '[::1]'",
    // Valid with and without its last group: the local port decides.
    "2001:db8::1:6969, 6969, '[2001:db8::1]:6969'",
    "2001:db8::1:6969, 80, '[2001:db8::1:6969]'",
    "2001:db8::1:6969, -1, '[2001:db8::1:6969]'",
    "::1:6969, 16969, '[::1:6969]'",
    // Not an address with the last group (five digits, or nine groups): it is the port.
    "::1:16969, 80, '[::1]:16969'",
    "1:2:3:4:5:6:7:8:6969, 80, '[1:2:3:4:5:6:7:8]:6969'",
    "1:2:3:4:5:6:7:8, 6969, '[1:2:3:4:5:6:7:8]'",
    "0:0:0:0:0:0:0:1:6969, 6969, '[0:0:0:0:0:0:0:1]:6969'",
    "2001:DB8::A:443, 443, '[2001:DB8::A]:443'",
    "::, 6969, '[::]'",
    ":::6969, 6969, '[::]:6969'",
    "::1:0, 0, '[::1]:0'",
    // IPv4-mapped and IPv4-embedded forms
    "::ffff:127.0.0.1:80, 80, '[::ffff:127.0.0.1]:80'",
    "::ffff:127.0.0.1:80, 6969, '[::ffff:127.0.0.1]:80'",
    "::ffff:127.0.0.1, 6969, '[::ffff:127.0.0.1]'",
    "64:ff9b::192.0.2.33:6969, 6969, '[64:ff9b::192.0.2.33]:6969'",
    // Zone IDs (RFC 6874 writes the delimiter %25); kept as they are
    "fe80::1%eth0:6969, 6969, '[fe80::1%eth0]:6969'",
    "fe80::1%25eth0:6969, 6969, '[fe80::1%25eth0]:6969'",
    "fe80::1%eth0, 6969, '[fe80::1%eth0]'",
    "fe80::1%2:6969, 80, '[fe80::1%2]:6969'",
  })
  void bareIpv6LiteralsGetBrackets(String host, int localPort, String expected) {
    assertEquals(expected, BareIpv6Host.bracket(host, localPort));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // Well-formed: bracketed literals, names and IPv4 addresses, with or without a port
        "[::1]:6969",
        "[::1]",
        "[2001:db8::1]:6969",
        "[fe80::1%25eth0]:6969",
        "localhost:6969",
        "localhost",
        "tracker.example.org",
        "1.2.3.4:80",
        "1.2.3.4",
        "",
        // Garbage, left to the container
        "a:b:c",
        ":::",
        "::1:",
        "::1::6969",
        "::1:65536",
        "::1:99999",
        "::1:123456",
        "::1:-1",
        "::1:6969 ",
        " ::1:6969",
        "::1]:6969",
        "[::1:6969",
        "localhost:6969:80",
        "example.com::80",
        "1:2:3:4:5:6:7:8:9:6969",
        "12345::1:6969",
        "g::1:6969",
        "fe80::1%:6969",
        "fe80::1%",
        "fe80::1%eth 0:6969",
        "fe80::1%eth0%:6969x",
        "1.2.3.4%eth0:a:6969",
        "::ffff:127.0.0.256:80",
      })
  void everythingElseIsLeftAsItIs(String host) {
    assertSame(host, BareIpv6Host.bracket(host, LOCAL));
    assertSame(host, BareIpv6Host.bracket(host, BareIpv6Host.UNKNOWN_PORT));
  }

  @Test
  void veryLongValuesAreLeftAsTheyAre() {
    for (String host :
        new String[] {
          "1:".repeat(10_000) + "1",
          "::" + "f".repeat(10_000),
          "::1:" + "9".repeat(10_000),
          "::1%" + "a:".repeat(10_000),
          ":".repeat(100_000),
          "f".repeat(40) + "::1:6969",
        }) {
      assertSame(host, BareIpv6Host.bracket(host, LOCAL));
    }
  }

  @Test
  void theLongestLiteralIsBracketed() {
    String longest = "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255";
    assertEquals("[" + longest + "]:6969", BareIpv6Host.bracket(longest + ":6969", LOCAL));
    assertEquals("[" + longest + "]", BareIpv6Host.bracket(longest, LOCAL));
  }

  @Test
  void preloadRunsTheRuleWithoutFailing() {
    BareIpv6Host.preload();
  }

  @Test
  void nullStaysNull() {
    assertNull(BareIpv6Host.bracket(null, LOCAL));
    assertNull(BareIpv6Host.bracket(null, (InetSocketAddress) null));
  }

  @Test
  void theLocalAddressGivesThePort() {
    InetSocketAddress local = new InetSocketAddress(InetAddress.getLoopbackAddress(), 6969);
    assertEquals("[2001:db8::1]:6969", BareIpv6Host.bracket("2001:db8::1:6969", local));
    assertEquals(
        "[2001:db8::1:6969]",
        BareIpv6Host.bracket("2001:db8::1:6969", (InetSocketAddress) null),
        "unknown: the whole value is the address");
  }
}
