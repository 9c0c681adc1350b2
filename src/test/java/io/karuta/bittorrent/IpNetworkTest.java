package io.karuta.bittorrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpNetworkTest {

  @ParameterizedTest(name = "{0} contains {1}: {2}")
  @CsvSource({
    "10.0.0.0/8, 10.255.1.2, true",
    "10.0.0.0/8, 11.0.0.0, false",
    "10.1.2.3/8, 10.9.9.9, true",
    "192.168.1.7, 192.168.1.7, true",
    "192.168.1.7, 192.168.1.8, false",
    "192.168.1.7/32, 192.168.1.7, true",
    "0.0.0.0/0, 203.0.113.9, true",
    "0.0.0.0/0, ::1, false",
    "172.16.0.0/12, 172.31.255.255, true",
    "172.16.0.0/12, 172.32.0.0, false",
    "::1, ::1, true",
    "::1/128, ::2, false",
    "2001:db8::/32, 2001:db8:ffff::1, true",
    "2001:db8::/32, 2001:db9::1, false",
    "2001:db8:0:1::/64, 2001:db8:0:1:ffff:ffff:ffff:ffff, true",
    "2001:db8:0:1::/64, 2001:db8:0:2::, false",
    "2001:db8::/65, 2001:db8::7fff:ffff:ffff:ffff, true",
    "2001:db8::/65, 2001:db8::8000:0:0:0, false",
    "::/0, 2001:db8::1, true",
    "::/0, 10.0.0.1, false",
    "::ffff:10.0.0.0/104, 10.1.1.1, true",
    "::ffff:10.0.0.0/104, 11.1.1.1, false",
    "::ffff:10.0.0.0/104, ::ffff:10.1.1.1, true",
  })
  void containment(String network, String address, boolean inside) {
    assertEquals(inside, IpNetwork.parse(network).contains(IpAddress.parse(address)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "/8",
        "10.0.0.0/",
        "10.0.0.0/33",
        "10.0.0.0/-1",
        "10.0.0.0/8/8",
        "::/129",
        "::ffff:10.0.0.0/95",
        "example.com/8",
        "10.0.0.0/0x8",
        "10.0.0.0/1234"
      })
  void rejectsWhatIsNotACidrBlock(String text) {
    assertThrows(IllegalArgumentException.class, () -> IpNetwork.parse(text));
  }

  @ParameterizedTest
  @CsvSource({
    "10.1.2.3/8, 10.0.0.0/8",
    "2001:db8::1/32, 2001:db8::/32",
    "::ffff:10.1.1.1/104, 10.0.0.0/8"
  })
  void clearsHostBitsAndPrintsCanonically(String text, String canonical) {
    assertEquals(canonical, IpNetwork.parse(text).toString());
  }

  @org.junit.jupiter.api.Test
  void theConstructorRefusesHostBits() {
    assertThrows(
        IllegalArgumentException.class, () -> new IpNetwork(IpAddress.parse("10.0.0.1"), 8));
    assertTrue(new IpNetwork(IpAddress.parse("10.0.0.0"), 8).contains(IpAddress.parse("10.2.3.4")));
    assertFalse(
        new IpNetwork(IpAddress.parse("10.0.0.1"), 32).contains(IpAddress.parse("10.0.0.2")));
  }
}
