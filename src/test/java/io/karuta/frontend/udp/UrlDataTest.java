package io.karuta.frontend.udp;

import static io.karuta.frontend.udp.UdpFixtures.IH;
import static io.karuta.frontend.udp.UdpFixtures.VECTOR_3;
import static io.karuta.frontend.udp.UdpFixtures.bytes;
import static io.karuta.frontend.udp.UdpFixtures.concat;
import static io.karuta.frontend.udp.UdpFixtures.decode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.AnnounceRequest;
import io.karuta.bittorrent.Params;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** BEP 41 options after a UDP announce (BEP 41; chihaya's bittorrent/params_test.go). */
class UrlDataTest {

  /** Decodes vector 3 followed by {@code options} and returns the result. */
  private static UdpRequest withOptions(String options) {
    return decode(concat(bytes(VECTOR_3), bytes(options)));
  }

  private static Params params(String options) {
    return assertInstanceOf(UdpRequest.Announce.class, withOptions(options)).request().params();
  }

  /**
   * chihaya's {@code parser_test.go} table (success rows) and Karuta's additions. The result is
   * given as the keys present and the value of {@code a}.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        // chihaya
        "02 05 \"/?a=b\"                 | [a] | b",
        "02 00                           | []  | ",
        "02 08 \"/c/d?a=b\"              | [a] | b",
        "02 02 \"/?\" 02 03 \"a=b\"      | [a] | b",
        "02 09 \"/?a=b%20c\"             | [a] | b c",
        // an unknown type is skipped with its length (chihaya: "unknown option type")
        "03 02 \"aa\"                    | []  | ",
        "03 02 \"aa\" 02 05 \"/?a=b\"    | [a] | b",
        "03 01 aa 02 05 \"/?a=b\"        | [a] | b",
        "ff 00 02 05 \"/?a=b\"           | [a] | b",
        // NOP and end of options
        "01 01 02 05 \"/?a=b\" 01        | [a] | b",
        "00                              | []  | ",
        "00 ff ff 02                     | []  | ",
        "02 05 \"/?a=b\" 00 02 ff 03     | [a] | b",
        "00 02 05 \"/?a=b\"              | []  | ",
      })
  void optionsGiveTheseParams(String options, String keys, String a) {
    Params params = params(options);
    assertEquals("Params[keys=" + keys + ", info_hashes=0]", params.toString());
    assertEquals(a, params.get("a"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "00", "01", "02 00", "03 00", "02 00 02 00 01 00"})
  void noUrlDataIsTheEmptyParams(String options) {
    assertSame(Params.empty(), params(options));
  }

  /** Truncated options: chihaya's {@code 02 01} and {@code 02}, and the negative corpus. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "02",
        "02 01",
        "02 ff",
        "02 05 \"/?a=\"",
        "01 02",
        "02 05 \"/?a=b\" 02",
        // The corpus lists "03 02 aa": read as hex, the second data byte is missing.
        "03 02 aa",
        "03",
        "ff"
      })
  void truncatedOptionIsMalformed(String options) {
    assertEquals(
        new UdpRequest.Refusal(1, UdpProtocol.ANNOUNCE, UdpErrors.MALFORMED_PACKET),
        withOptions(options));
  }

  @Test
  void queryParserErrorsKeepTheirMessage() {
    assertEquals("invalid query escape", errorMessage(withOptions("02 07 \"/?a=%zz\"")));
    assertEquals(
        "provided invalid infohash", errorMessage(withOptions("02 0f \"/?info_hash=abc\"")));
  }

  private static String errorMessage(UdpRequest decoded) {
    return assertInstanceOf(UdpRequest.Refusal.class, decoded).error().getMessage();
  }

  @Test
  void anInfoHashInUrlDataDoesNotChangeTheAnnouncedHash() {
    String hash = "%aa".repeat(20);
    String url = "/announce?info_hash=" + hash + "&passkey=s3cret";
    String options = String.format("02 %02x \"%s\"", url.length(), url);
    AnnounceRequest request =
        assertInstanceOf(UdpRequest.Announce.class, withOptions(options)).request();
    assertEquals(IH, request.infoHash());
    assertEquals(List.of(UdpFixtures.IH2), request.params().infoHashes());
    assertEquals("s3cret", request.params().get("passkey"));
    assertEquals("/announce", request.params().path());
  }

  /** Several options join, so URL data may pass one option's 255 bytes (BEP 41). */
  @Test
  void urlDataLongerThanOneOption() {
    String jwt = "x".repeat(400);
    String url = "/?jwt=" + jwt;
    StringBuilder options = new StringBuilder();
    for (int from = 0; from < url.length(); from += 255) {
      String piece = url.substring(from, Math.min(url.length(), from + 255));
      options.append(String.format(" 02 %02x \"%s\"", piece.length(), piece));
    }
    assertEquals(jwt, params(options.toString()).get("jwt"));
  }

  /**
   * Random options of every length from 0 to 300 give an announce or an error packet, and an error
   * is only ever "malformed packet" or a query-parser message.
   */
  @Test
  void randomOptionsOfEveryLengthGiveAnnounceOrKnownError() {
    Random random = new Random(41);
    Set<String> messages =
        Set.of("malformed packet", "invalid query escape", "provided invalid infohash");
    byte[] fixed = bytes(VECTOR_3);
    for (int length = 0; length <= 300; length++) {
      for (int round = 0; round < 20; round++) {
        byte[] options = new byte[length];
        random.nextBytes(options);
        // Small types make NOPs, URL data and unknown options frequent.
        for (int i = 0; i < length; i += 1 + random.nextInt(8)) {
          options[i] = (byte) random.nextInt(4);
        }
        UdpRequest decoded = decode(concat(fixed, options));
        if (decoded instanceof UdpRequest.Refusal error) {
          assertTrue(messages.contains(error.error().getMessage()), error.toString());
        } else {
          assertInstanceOf(UdpRequest.Announce.class, decoded);
        }
      }
    }
  }
}
