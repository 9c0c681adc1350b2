package io.karuta.bittorrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

  @Test
  void holdsFourOrSixteenBytes() {
    byte[] v4 = {10, 11, 12, 1};
    byte[] v6 = Hex.decode("20010db8000000000000ff0000428329");

    IpAddress ipv4 = IpAddress.of(v4);
    IpAddress ipv6 = IpAddress.of(v6);

    assertEquals(AddressFamily.IPV4, ipv4.family());
    assertArrayEquals(v4, ipv4.bytes());
    assertEquals(AddressFamily.IPV6, ipv6.family());
    assertArrayEquals(v6, ipv6.bytes());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 3, 5, 6, 15, 17, 20})
  void rejectsOtherLengths(int length) {
    assertThrows(IllegalArgumentException.class, () -> IpAddress.of(new byte[length]));
  }

  @Test
  void highBitsSurviveBothFamilies() {
    byte[] v4 = {(byte) 255, (byte) 254, (byte) 128, (byte) 129};
    byte[] v6 = Fixtures.filled(16, 0xFF);

    assertArrayEquals(v4, IpAddress.of(v4).bytes());
    assertEquals("255.254.128.129", IpAddress.of(v4).toString());
    assertArrayEquals(v6, IpAddress.of(v6).bytes());
    assertEquals(IpAddress.ofIpv4(0xFFFE8081), IpAddress.of(v4));
  }

  @Test
  void mappedBytesBecomeTheIpv4Address() {
    IpAddress plain = IpAddress.of(new byte[] {1, 2, 3, 4});
    IpAddress mapped = IpAddress.of(Hex.decode("00000000000000000000ffff01020304"));

    assertEquals(AddressFamily.IPV4, mapped.family());
    assertEquals(plain, mapped);
    assertEquals(plain.hashCode(), mapped.hashCode());
    assertArrayEquals(new byte[] {1, 2, 3, 4}, mapped.bytes());
    assertEquals(plain, IpAddress.ofIpv6(0, 0x0000_FFFF_0102_0304L));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"::ffff:1.2.3.4", "::FFFF:1.2.3.4", "::ffff:102:304", "0:0:0:0:0:ffff:1.2.3.4"})
  void mappedTextBecomesTheIpv4Address(String text) {
    IpAddress mapped = IpAddress.parse(text);

    assertEquals(IpAddress.parse("1.2.3.4"), mapped);
    assertEquals("1.2.3.4", mapped.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"::fffe:1.2.3.4", "::1:ffff:1.2.3.4", "::1.2.3.4", "1::ffff:1.2.3.4"})
  void addressesThatOnlyLookMappedStayIpv6(String text) {
    assertEquals(AddressFamily.IPV6, IpAddress.parse(text).family());
  }

  @Test
  void constructorRefusesARawMappedAddress() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new IpAddress(AddressFamily.IPV6, 0, 0x0000_FFFF_0102_0304L));
  }

  @Test
  void constructorChecksTheFamilyAndTheIpv4Width() {
    assertThrows(IllegalArgumentException.class, () -> new IpAddress(null, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new IpAddress(AddressFamily.IPV4, 1, 1));
    assertThrows(
        IllegalArgumentException.class, () -> new IpAddress(AddressFamily.IPV4, 0, 1L << 32));
    assertThrows(IllegalArgumentException.class, () -> new IpAddress(AddressFamily.IPV4, 0, -1));
    assertEquals("255.255.255.255", new IpAddress(AddressFamily.IPV4, 0, 0xFFFF_FFFFL).toString());
  }

  @ParameterizedTest
  @CsvSource({
    "0.0.0.0,         IPV4, 00000000",
    "1.2.3.4,         IPV4, 01020304",
    "10.11.12.1,      IPV4, 0a0b0c01",
    "192.168.0.1,     IPV4, c0a80001",
    "255.255.255.255, IPV4, ffffffff",
    "100.0.10.200,    IPV4, 64000ac8",
    "::,              IPV6, 00000000000000000000000000000000",
    "::1,             IPV6, 00000000000000000000000000000001",
    "1::,             IPV6, 00010000000000000000000000000000",
    "2001:db8::1,     IPV6, 20010db8000000000000000000000001",
    "2001:DB8::1,     IPV6, 20010db8000000000000000000000001",
    "1:2:3:4:5:6:7:8, IPV6, 00010002000300040005000600070008",
    "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, IPV6, ffffffffffffffffffffffffffffffff",
    "0001:0db8:0000:0000:0000:0000:0000:0001, IPV6, 00010db8000000000000000000000001",
    "1:2:3:4:5:6:1.2.3.4, IPV6, 00010002000300040005000601020304",
    "::1.2.3.4,       IPV6, 00000000000000000000000001020304",
    "1::2:3,          IPV6, 00010000000000000000000000020003",
    "1:2:3:4:5:6:7::, IPV6, 00010002000300040005000600070000",
    "::2:3:4:5:6:7:8, IPV6, 00000002000300040005000600070008",
    "fe80::1,         IPV6, fe800000000000000000000000000001"
  })
  void parsesLiterals(String text, AddressFamily family, String hex) {
    IpAddress ip = IpAddress.parse(text);

    assertEquals(family, ip.family());
    assertEquals(hex, Hex.encode(ip.bytes()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "1.2.3",
        "01.2.3.4",
        "1.2.3.04",
        "256.0.0.1",
        "1.2.3.256",
        "1.2.3.4.5",
        "1..2.3",
        "1.2.3.",
        ".1.2.3",
        " 1.2.3.4",
        "1.2.3.4 ",
        "+1.2.3.4",
        "1.2.3.-4",
        "0x1.2.3.4",
        "1234",
        "1.2.3.4/24",
        "localhost",
        "example.com",
        "fe80::1%eth0",
        "fe80::1%1",
        "[::1]",
        ":",
        ":::",
        "1:::2",
        ":1",
        "1:",
        "::1:",
        "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7",
        "1:2:3:4:5:6:7:8::",
        "::1:2:3:4:5:6:7:8",
        "1:2:3:4::5:6:7:8",
        "12345::",
        "1::2::3",
        "g::",
        "::ffff:1.2.3",
        "::ffff:01.2.3.4",
        "::ffff:1.2.3.4:5",
        "1:2:3:4:5:6:7:1.2.3.4",
        "1:2:3:4:5:6::1.2.3.4",
        "1.2.3.4::",
        // Non-ASCII digits, which Character.digit would accept.
        "::\uff11",
        "\u0661::",
        "1.2.3.\u0664",
        "0000:0000:0000:0000:0000:ffff:255.255.255.2555"
      })
  void rejectsAnythingButALiteral(String text) {
    assertThrows(IllegalArgumentException.class, () -> IpAddress.parse(text));
  }

  @Test
  void rejectsNullText() {
    assertThrows(IllegalArgumentException.class, () -> IpAddress.parse(null));
  }

  @ParameterizedTest
  @CsvSource({
    "2001:db8:0:0:0:ff00:42:8329,             2001:db8::ff00:42:8329",
    "2001:db8:0:1:1:1:1:1,                    2001:db8:0:1:1:1:1:1",
    "2001:0:0:1:0:0:0:1,                      2001:0:0:1::1",
    "2001:db8:0:0:1:0:0:1,                    2001:db8::1:0:0:1",
    "0:0:1:0:0:0:0:0,                         0:0:1::",
    "1:0:0:2:0:0:0:3,                         1:0:0:2::3",
    "0:1:0:1:0:1:0:1,                         0:1:0:1:0:1:0:1",
    "2001:0DB8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
    "2001:DB8::ABCD,                          2001:db8::abcd",
    "0:0:0:0:0:0:0:0,                         ::",
    "0:0:0:0:0:0:0:1,                         ::1",
    "1:0:0:0:0:0:0:0,                         1::",
    "1:2:3:4:5:6:7:0,                         1:2:3:4:5:6:7:0",
    "1:2:3:4:5:6:0:0,                         1:2:3:4:5:6::",
    "1:2:3:4:5:6:1.2.3.4,                     1:2:3:4:5:6:102:304",
    "::ffff:10.11.12.1,                       10.11.12.1",
    "10.11.12.1,                              10.11.12.1",
    "0.0.0.0,                                 0.0.0.0",
    "100.0.10.200,                            100.0.10.200"
  })
  void formatsAsRfc5952(String text, String expected) {
    assertEquals(expected, IpAddress.parse(text).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.11.12.1", "0.0.0.0", "2001:db8::ff00:42:8329", "::", "fe80::1"})
  void convertsToInetAddressWithoutALookup(String text) {
    IpAddress ip = IpAddress.parse(text);
    InetAddress inet = ip.toInetAddress();

    assertEquals(
        ip.family() == AddressFamily.IPV4 ? Inet4Address.class : Inet6Address.class,
        inet.getClass());
    // An address built without a lookup has no host name: its text starts with "/".
    assertTrue(inet.toString().startsWith("/"), inet.toString());
    assertArrayEquals(ip.bytes(), inet.getAddress());
    assertEquals(ip, IpAddress.of(inet));
  }

  @Test
  void writesItsBytesAtAnOffset() {
    byte[] dst = Fixtures.filled(22, 0x55);
    IpAddress.parse("10.11.12.1").writeTo(dst, 1);
    IpAddress.parse("2001:db8::1").writeTo(dst, 5);

    assertEquals("55" + "0a0b0c01" + "20010db8000000000000000000000001" + "55", Hex.encode(dst));
  }

  /** Random addresses, with random groups zeroed so that every compression case comes up. */
  @Test
  void randomIpv6AddressesRoundTripThroughTheirText() {
    Random random = new Random(5952);
    for (int i = 0; i < 20_000; i++) {
      byte[] bytes = new byte[16];
      random.nextBytes(bytes);
      for (int g = 0; g < 8; g++) {
        if (random.nextBoolean()) {
          bytes[2 * g] = 0;
          bytes[2 * g + 1] = 0;
        }
      }
      IpAddress ip = IpAddress.of(bytes);
      String text = ip.toString();

      assertEquals(ip, IpAddress.parse(text), text);
      if (ip.family() == AddressFamily.IPV6) {
        assertArrayEquals(bytes, IpAddress.parse(text).bytes(), text);
        assertEquals(rfc5952(bytes), text);
      }
    }
  }

  @Test
  void randomIpv4AddressesRoundTripThroughTheirText() {
    Random random = new Random(791);
    for (int i = 0; i < 10_000; i++) {
      IpAddress ip = IpAddress.ofIpv4(random.nextInt());
      assertEquals(ip, IpAddress.parse(ip.toString()), ip.toString());
    }
  }

  @Test
  void randomMappedAddressesEqualTheirIpv4() {
    Random random = new Random(4291);
    for (int i = 0; i < 1_000; i++) {
      byte[] v4 = new byte[4];
      random.nextBytes(v4);
      byte[] mapped = Arrays.copyOf(Hex.decode("00000000000000000000ffff"), 16);
      System.arraycopy(v4, 0, mapped, 12, 4);

      assertEquals(IpAddress.of(v4), IpAddress.of(mapped));
      assertFalse(IpAddress.of(mapped).toString().contains(":"));
    }
  }

  private static final Pattern ZERO_RUN = Pattern.compile("\\b0(?::0)+\\b");

  /**
   * An independent RFC 5952 formatter: the full lowercase form without leading zeros, then the
   * longest run of two or more zero groups (the first on a tie) replaced by {@code ::}.
   */
  private static String rfc5952(byte[] bytes) {
    StringBuilder full = new StringBuilder();
    for (int g = 0; g < 8; g++) {
      full.append(g == 0 ? "" : ":")
          .append(Integer.toHexString((bytes[2 * g] & 0xFF) << 8 | (bytes[2 * g + 1] & 0xFF)));
    }
    Matcher run = ZERO_RUN.matcher(full);
    int start = -1;
    int end = -1;
    while (run.find()) {
      if (run.end() - run.start() > end - start) {
        start = run.start();
        end = run.end();
      }
    }
    if (start < 0) {
      return full.toString();
    }
    String head = full.substring(0, start).replaceAll(":$", "");
    String tail = full.substring(end).replaceAll("^:", "");
    return head + "::" + tail;
  }
}
