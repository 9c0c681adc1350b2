package io.karuta.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpReplyValidatorTest {
  private static final String H1 = "a".repeat(20);
  private static final String H2 = "b".repeat(20);
  private static final String ENTRY = "d8:completei1e10:downloadedi2e10:incompletei0ee";

  private final HttpReplyValidator validator = new HttpReplyValidator(50);

  private static byte[] latin1(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private Verdict announce(int status, String body) {
    byte[] bytes = latin1(body + "trailing bytes past the length are not read");
    return validator.checkAnnounce(status, bytes, body.length());
  }

  private Verdict scrape(String body, String... asked) {
    byte[] bytes = latin1(body);
    return validator.checkScrape(200, bytes, bytes.length, asked, asked.length);
  }

  /** A BEP 23 compact reply with two peers. */
  private static String twoPeers() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        latin1("d8:completei2e10:incompletei1e8:intervali1800e12:min intervali900e5:peers12:"));
    out.writeBytes(
        new byte[] {
          10, 0, 0, 1, 0x1a, (byte) 0xe1, (byte) 192, (byte) 168, 1, 2, (byte) 0xc8, (byte) 0xd5
        });
    out.writeBytes(latin1("e"));
    return new String(out.toByteArray(), StandardCharsets.ISO_8859_1);
  }

  @Test
  void validAnnounces() {
    assertEquals(Verdict.VALID, announce(200, twoPeers()));
    assertEquals(Verdict.VALID, announce(200, "d8:intervali1800e5:peers0:e"));
    assertEquals(
        Verdict.VALID,
        announce(200, "d8:intervali1800e5:peers0:6:peers618:" + "x".repeat(18) + "e"));
    assertEquals(Verdict.VALID, announce(200, "d8:intervali1e6:peers60:e"), "peers6 alone");
  }

  @Test
  void invalidAnnounces() {
    assertEquals(Verdict.STATUS, announce(500, twoPeers()));
    assertEquals(Verdict.NOT_BENCODE, announce(200, "<html>"));
    assertEquals(Verdict.NOT_BENCODE, announce(200, "d8:intervali1800e5:peers0:"), "truncated");
    assertEquals(Verdict.NOT_DICT, announce(200, "li1ee"));
    assertEquals(Verdict.INTERVAL, announce(200, "d5:peers0:e"));
    assertEquals(Verdict.INTERVAL, announce(200, "d8:intervali0e5:peers0:e"));
    assertEquals(Verdict.INTERVAL, announce(200, "d8:interval4:1800e"));
    assertEquals(Verdict.PEERS, announce(200, "d8:intervali1800ee"), "no peers at all");
    assertEquals(Verdict.PEERS, announce(200, "d8:intervali1800e5:peers7:1234567e"));
    assertEquals(Verdict.PEERS, announce(200, "d8:intervali1800e5:peerslee"), "dictionary model");
    assertEquals(Verdict.PEERS, announce(200, "d8:intervali1800e5:peers0:6:peers66:123456e"));
    assertEquals(
        Verdict.TOO_MANY_PEERS,
        new HttpReplyValidator(1).checkAnnounce(200, latin1(twoPeers()), twoPeers().length()));
  }

  @Test
  void failureReasonIsAnError() {
    assertEquals(Verdict.FAILURE_REASON, announce(200, "d14:failure reason17:invalid info_hashe"));
    assertEquals(Verdict.FAILURE_REASON, scrape("d14:failure reason10:overloadede", H1));
  }

  @Test
  void validScrapes() {
    assertEquals(Verdict.VALID, scrape("d5:filesd20:" + H1 + ENTRY + "ee", H1));
    assertEquals(
        Verdict.VALID,
        scrape(
            "d5:filesd20:"
                + H1
                + ENTRY
                + "20:"
                + H2
                + ENTRY
                + "e5:flagsd20:min_request_intervali900eee",
            H2,
            H1),
        "any order asked, extra top-level keys allowed");
  }

  @Test
  void scrapesWithTheWrongKeys() {
    assertEquals(Verdict.SCRAPE_FILES, scrape("d5:filesd20:" + H1 + ENTRY + "ee", H2));
    assertEquals(
        Verdict.SCRAPE_FILES, scrape("d5:filesd20:" + H1 + ENTRY + "ee", H1, H2), "missing one");
    assertEquals(
        Verdict.SCRAPE_FILES,
        scrape("d5:filesd20:" + H1 + ENTRY + "20:" + H2 + ENTRY + "ee", H1),
        "one extra");
    assertEquals(Verdict.SCRAPE_FILES, scrape("d5:filesdee", H1));
    assertEquals(Verdict.SCRAPE_FILES, scrape("d5:filesle4:mode4:fulle", H1));
    assertEquals(
        Verdict.SCRAPE_ENTRY,
        scrape("d5:filesd20:" + H1 + "d8:completei1e10:incompletei0eeee", H1));
    assertEquals(
        Verdict.SCRAPE_ENTRY,
        scrape("d5:filesd20:" + H1 + "d8:completei-1e10:downloadedi2e10:incompletei0eeee", H1));
    assertEquals(Verdict.SCRAPE_ENTRY, scrape("d5:filesd20:" + H1 + "i1eee", H1));
  }

  @Test
  void unsortedKeysHaveTheirOwnBucket() {
    assertEquals(
        Verdict.UNSORTED_KEYS,
        scrape("d5:filesd20:" + H2 + ENTRY + "20:" + H1 + ENTRY + "ee", H2, H1));
    assertEquals(
        Verdict.NOT_BENCODE, scrape("d5:filesd20:" + H1 + ENTRY + "20:" + H1 + ENTRY + "ee", H1));
  }
}
