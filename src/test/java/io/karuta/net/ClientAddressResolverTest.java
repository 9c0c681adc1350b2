package io.karuta.net;

import static io.karuta.frontend.http.HttpFixtures.assertFailure;
import static io.karuta.frontend.http.HttpFixtures.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.IpAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressResolverTest {
  private static final String XFF = "X-Forwarded-For";
  private static final IpAddress PROXY = IpAddress.parse("10.0.0.1");
  private static final IpAddress PROXY6 = IpAddress.parse("2001:db8:ffff::1");
  private static final IpAddress STRANGER = IpAddress.parse("198.51.100.1");

  private static final ClientAddressResolver BEHIND_PROXIES =
      new ClientAddressResolver(
          config(false, XFF, "10.0.0.0/8", "192.168.0.0/16", "2001:db8:ffff::/48"));

  private static IpAddress ip(String text) {
    return IpAddress.parse(text);
  }

  @Test
  void withoutAHeaderTheConnectionCounts() {
    ClientAddressResolver direct = new ClientAddressResolver(config(false, "", "10.0.0.0/8"));
    assertEquals("", direct.headerName());
    assertFalse(direct.believesHeaderFrom(PROXY));
    assertSame(PROXY, direct.resolve(PROXY, "203.0.113.7"));
  }

  @Test
  void withoutTrustedProxiesTheHeaderIsNeverBelieved() {
    ClientAddressResolver nobody = new ClientAddressResolver(config(false, XFF));
    assertEquals(XFF, nobody.headerName());
    assertFalse(nobody.believesHeaderFrom(PROXY));
    assertSame(PROXY, nobody.resolve(PROXY, "203.0.113.7"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"198.51.100.1", "11.0.0.1", "2001:db8::1", "::1", "192.169.0.1"})
  void theHeaderOfAnUntrustedSenderIsIgnored(String sender) {
    IpAddress remote = ip(sender);
    assertEquals(XFF, BEHIND_PROXIES.headerName());
    assertFalse(BEHIND_PROXIES.believesHeaderFrom(remote));
    assertSame(remote, BEHIND_PROXIES.resolve(remote, "203.0.113.7"));
    assertSame(remote, BEHIND_PROXIES.resolve(remote, "garbage"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.1", "10.255.255.255", "192.168.7.7", "2001:db8:ffff:1::9"})
  void theHeaderOfATrustedProxyIsBelieved(String sender) {
    IpAddress remote = ip(sender);
    assertTrue(BEHIND_PROXIES.believesHeaderFrom(remote));
    assertEquals(ip("203.0.113.7"), BEHIND_PROXIES.resolve(remote, "203.0.113.7"));
  }

  @Test
  void aV4MappedSenderIsJudgedAsIpv4() {
    IpAddress remote = ClientAddressResolver.parseRemote("::ffff:10.0.0.1");
    assertTrue(BEHIND_PROXIES.believesHeaderFrom(remote));
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "203.0.113.7                                      | 203.0.113.7",
        "203.0.113.7, 10.0.0.2                            | 203.0.113.7",
        "203.0.113.7,10.0.0.2,192.168.1.1                 | 203.0.113.7",
        "1.1.1.1, 203.0.113.7, 10.0.0.2, 192.168.1.1      | 203.0.113.7",
        "garbage, 203.0.113.7, 10.0.0.2                   | 203.0.113.7",
        "10.0.0.9, 203.0.113.7, 10.0.0.2                  | 203.0.113.7",
        "203.0.113.7, 198.51.100.9                        | 198.51.100.9",
        "10.0.0.3, 10.0.0.2                               | 10.0.0.3",
        "10.0.0.3                                         | 10.0.0.3",
        "192.168.0.1, 2001:db8:ffff::2, 10.0.0.2          | 192.168.0.1",
        "203.0.113.7:5678                                 | 203.0.113.7",
        "203.0.113.7:0, 10.0.0.2:65535                    | 203.0.113.7",
        "[2001:db8::1]:443                                | 2001:db8::1",
        "[2001:db8::1]                                    | 2001:db8::1",
        "2001:db8::1                                      | 2001:db8::1",
        "2001:db8::1, 2001:db8:ffff::2                    | 2001:db8::1",
        "[203.0.113.7]:80                                 | 203.0.113.7",
        "'   203.0.113.7   ,   10.0.0.2   '               | 203.0.113.7",
        "'\t203.0.113.7\t'                                | 203.0.113.7",
        "::ffff:203.0.113.7                               | 203.0.113.7",
        "[::ffff:203.0.113.7]:80                          | 203.0.113.7",
        "203.0.113.7, ::ffff:10.0.0.2                     | 203.0.113.7",
        "203.0.113.7,,10.0.0.2                            | 203.0.113.7",
        "'203.0.113.7, 10.0.0.2, '                        | 203.0.113.7",
        "', 203.0.113.7'                                  | 203.0.113.7",
        "fe80::1%eth0                                     | fe80::1",
        "[fe80::1%25eth0]:6881                            | fe80::1"
      })
  void chainsAreReadFromTheRight(String header, String client) {
    assertEquals(ip(client), BEHIND_PROXIES.resolve(PROXY, header));
    assertEquals(ip(client), BEHIND_PROXIES.resolve(PROXY6, header));
  }

  @Test
  void theClientOfAChainHasItsOwnFamily() {
    assertEquals(AddressFamily.IPV6, BEHIND_PROXIES.resolve(PROXY, "[2001:db8::1]:443").family());
    assertEquals(AddressFamily.IPV4, BEHIND_PROXIES.resolve(PROXY6, "203.0.113.7").family());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "garbage",
        "unknown",
        "203.0.113.7, garbage",
        "garbage, 10.0.0.2",
        "10.0.0.2, 1.2.3",
        "example.com",
        "203.0.113.7:",
        "203.0.113.7:99999",
        "203.0.113.7:123456",
        "203.0.113.7:http",
        "203.0.113.7:80:90",
        "203.0.113.7 10.0.0.2",
        "203.0.113.7%eth0",
        "fe80::1%",
        "[2001:db8::1",
        "2001:db8::1]",
        "[2001:db8::1]x",
        "[2001:db8::1]:",
        "[2001:db8::1]:-1",
        "[]",
        "_hidden",
        "256.0.0.1"
      })
  void anUnreadableEntryWhereTheClientIsSoughtFails(String header) {
    assertFailure("failed to parse peer IP address", () -> BEHIND_PROXIES.resolve(PROXY, header));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", " ", "\t", ",", " , ,"})
  void anAbsentOrBlankHeaderLeavesTheConnectionsAddress(String header) {
    assertSame(PROXY, BEHIND_PROXIES.resolve(PROXY, header));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1.2.3.4                  | 1.2.3.4",
        "0:0:0:0:0:0:0:1          | ::1",
        "::1                      | ::1",
        "[::1]                    | ::1",
        "fe80::1%eth0             | fe80::1",
        "fe80:0:0:0:0:0:0:1%2     | fe80::1",
        "[fe80::1%2]              | fe80::1",
        "::ffff:1.2.3.4           | 1.2.3.4",
        "0:0:0:0:0:ffff:102:304   | 1.2.3.4",
        "[::ffff:1.2.3.4]         | 1.2.3.4",
        "2001:DB8::A              | 2001:db8::a"
      })
  void remoteAddressForms(String remote, String expected) {
    IpAddress parsed = ClientAddressResolver.parseRemote(remote);
    assertEquals(ip(expected), parsed);
    assertEquals(expected, parsed.toString());
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "localhost",
        "1.2.3.4:80",
        "[::1]:80",
        "[::1",
        "::1]",
        "1.2.3.4%eth0",
        "fe80::1%",
        "1.2.3",
        "::g",
        "1.2.3.4, 5.6.7.8"
      })
  void unreadableRemoteAddressesFail(String remote) {
    assertFailure(
        "failed to parse peer IP address", () -> ClientAddressResolver.parseRemote(remote));
  }
}
