package io.karuta.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code udp.addr}: every documented form parses and binds; everything else names the key. */
class ListenAddressTest {
  private static final String KEY = "karuta.udp.addr";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // written                 | host             | port  | shown again
        "[::]:6969                 | ::               | 6969  | [::]:6969",
        ":6969                     | ::               | 6969  | [::]:6969",
        "0.0.0.0:6969              | 0.0.0.0          | 6969  | 0.0.0.0:6969",
        "127.0.0.1:6881            | 127.0.0.1        | 6881  | 127.0.0.1:6881",
        "[::1]:6969                | ::1              | 6969  | [::1]:6969",
        "[2001:db8::7]:65535       | 2001:db8::7      | 65535 | [2001:db8::7]:65535",
        "localhost:6969            | localhost        | 6969  | localhost:6969",
        "tracker_1.internal:1      | tracker_1.internal | 1   | tracker_1.internal:1",
        "'  :0  '                  | ::               | 0     | [::]:0",
      })
  void parsesEveryDocumentedForm(String text, String host, int port, String shown) {
    ListenAddress address = ListenAddress.parse(KEY, text).orElseThrow();
    assertEquals(new ListenAddress(host, port), address);
    assertEquals(shown, address.toString());
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", "  "})
  void emptyMeansOff(String text) {
    assertEquals(Optional.empty(), ListenAddress.parse(KEY, text));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "6969",
        "::1:6969",
        "[::1:6969",
        "::1]:6969",
        "[]:6969",
        "[127.0.0.1]:6969",
        "[::1]6969",
        "host:",
        ":",
        "host:70000",
        "host:65536",
        "host:-1",
        "host:+80",
        "host:123456",
        "host:69a",
        "ho st:6969",
        "host/x:6969",
        "user@host:6969",
        "a..b:6969",
        ".host:6969",
        "1.2.3.999:6969",
        "1.2.3:6969",
        "http://host:6969",
      })
  void rejectsEverythingElseNamingTheKeyAndTheForms(String text) {
    ConfigException e = assertThrows(ConfigException.class, () -> ListenAddress.parse(KEY, text));
    assertEquals(
        KEY
            + ": '"
            + text.trim()
            + "' is not host:port (allowed: \"\" (off), or host:port such as [::]:6969,"
            + " 0.0.0.0:6969, :6969 (every interface) or localhost:6969)",
        e.getMessage());
  }

  @Test
  void everyInterfaceBindsTheDualStackWildcard() {
    InetSocketAddress socket = ListenAddress.parse(KEY, ":6969").orElseThrow().toSocketAddress(KEY);
    assertTrue(socket.getAddress() instanceof Inet6Address, socket.toString());
    assertTrue(socket.getAddress().isAnyLocalAddress(), socket.toString());
    assertEquals(6969, socket.getPort());
  }

  @Test
  void literalsBindAsWrittenAndNamesResolve() {
    InetSocketAddress v4 =
        ListenAddress.parse(KEY, "127.0.0.1:7").orElseThrow().toSocketAddress(KEY);
    assertTrue(v4.getAddress() instanceof Inet4Address && v4.getAddress().isLoopbackAddress());
    InetSocketAddress v6 = ListenAddress.parse(KEY, "[::1]:7").orElseThrow().toSocketAddress(KEY);
    assertTrue(v6.getAddress() instanceof Inet6Address && v6.getAddress().isLoopbackAddress());
    InetSocketAddress name =
        ListenAddress.parse(KEY, "localhost:7").orElseThrow().toSocketAddress(KEY);
    assertTrue(name.getAddress().isLoopbackAddress(), name.toString());
  }

  @Test
  void anUnresolvableNameFailsNamingTheKey() {
    ListenAddress address = ListenAddress.parse(KEY, "no-such-host.invalid:6969").orElseThrow();
    ConfigException e = assertThrows(ConfigException.class, () -> address.toSocketAddress(KEY));
    assertEquals(KEY + ": cannot resolve 'no-such-host.invalid'", e.getMessage());
  }
}
