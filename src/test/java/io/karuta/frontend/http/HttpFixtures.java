package io.karuta.frontend.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.IpNetwork;
import io.karuta.config.HttpConfig;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.function.Executable;

/** Values and assertions shared by the tests of this package. */
public final class HttpFixtures {
  private HttpFixtures() {}

  /**
   * Returns HTTP settings with default routes, numwant 50 (cap 100) and a scrape cap of 3.
   *
   * @param trustedProxies CIDR blocks
   */
  public static HttpConfig config(
      boolean allowIpSpoofing, String realIpHeader, String... trustedProxies) {
    return new HttpConfig(
        List.of("/announce"),
        List.of("/scrape"),
        allowIpSpoofing,
        realIpHeader,
        Arrays.stream(trustedProxies).map(IpNetwork::parse).toList(),
        4096,
        100,
        50,
        3);
  }

  /** Returns the ISO-8859-1 bytes of {@code text}, one byte per character. */
  static byte[] latin1(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Returns {@code bytes} as ISO-8859-1 text, so that a failed comparison shows them. */
  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  /** Concatenates strings (as ISO-8859-1) and byte arrays. */
  static byte[] wire(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object part : parts) {
      out.writeBytes(part instanceof byte[] bytes ? bytes : latin1((String) part));
    }
    return out.toByteArray();
  }

  /** Asserts that {@code call} throws a {@link ClientError} whose message is {@code message}. */
  public static void assertFailure(String message, Executable call) {
    ClientError error = assertThrows(ClientError.class, call);
    assertEquals(message, error.getMessage());
  }
}
