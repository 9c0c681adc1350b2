package io.karuta.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.karuta.bittorrent.Hex;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** BEP 15 replies encoded by hand, and broken variants of them. */
class UdpReplyValidatorTest {
  // Vector 4: announce v4, interval 1800, 1 leecher, 2 seeders, 2 peers.
  private static final String ANNOUNCE4 =
      "00000001 00000001 00000708 00000001 00000002 0a000001 1ae1 c0a80102 c8d5";
  // Vector 5: announce v6, one peer.
  private static final String ANNOUNCE6 =
      "00000001 00000001 00000708 00000000 00000001 20010db8000000000000000000000001 1ae1";
  // Vector 7: scrape of two hashes.
  private static final String SCRAPE2 =
      "00000002 00000007 00000005 0000000a 00000003 00000000 00000000 00000000";
  private static final String CONNECT = "00000000 deadbeef 0123456789abcdef";

  private final UdpReplyValidator v4 = new UdpReplyValidator(50, 6);
  private final UdpReplyValidator v6 = new UdpReplyValidator(50, 18);

  private static ByteBuffer direct(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.allocateDirect(1024);
    buffer.put(bytes).flip();
    return buffer;
  }

  private static Verdict check(UdpReplyValidator v, String hex, int kind, int hashes) {
    byte[] bytes = Hex.decode(hex.replace(" ", ""));
    return v.check(direct(bytes), bytes.length, kind, hashes);
  }

  @Test
  void validReplies() {
    assertEquals(Verdict.VALID, check(v4, CONNECT, PendingTable.CONNECT, 0));
    assertEquals(Verdict.VALID, check(v4, ANNOUNCE4, PendingTable.ANNOUNCE, 0));
    assertEquals(Verdict.VALID, check(v6, ANNOUNCE6, PendingTable.ANNOUNCE, 0));
    assertEquals(Verdict.VALID, check(v4, SCRAPE2, PendingTable.SCRAPE, 2));
    assertEquals(
        Verdict.VALID,
        check(v4, "00000001 00000001 00000708 00000000 00000000", PendingTable.ANNOUNCE, 0),
        "empty");
  }

  @Test
  void wrongAction() {
    assertEquals(Verdict.ACTION, check(v4, SCRAPE2, PendingTable.ANNOUNCE, 0));
    assertEquals(Verdict.ACTION, check(v4, ANNOUNCE4, PendingTable.SCRAPE, 2));
    assertEquals(Verdict.ACTION, check(v4, ANNOUNCE4, PendingTable.CONNECT, 0));
  }

  @Test
  void wrongLengths() {
    assertEquals(Verdict.SHORT, check(v4, "00000001 000000", PendingTable.ANNOUNCE, 0));
    assertEquals(Verdict.LENGTH, check(v4, ANNOUNCE4 + "00", PendingTable.ANNOUNCE, 0));
    assertEquals(
        Verdict.LENGTH,
        check(v4, "00000001 00000001 00000708", PendingTable.ANNOUNCE, 0),
        "truncated");
    assertEquals(Verdict.LENGTH, check(v6, ANNOUNCE4, PendingTable.ANNOUNCE, 0), "v4 from v6");
    assertEquals(Verdict.LENGTH, check(v4, SCRAPE2, PendingTable.SCRAPE, 1), "one hash asked");
    assertEquals(Verdict.LENGTH, check(v4, SCRAPE2, PendingTable.SCRAPE, 3));
    assertEquals(Verdict.LENGTH, check(v4, CONNECT + "00", PendingTable.CONNECT, 0));
  }

  @Test
  void tooManyPeersBadIntervalAndCounts() {
    assertEquals(
        Verdict.TOO_MANY_PEERS,
        check(new UdpReplyValidator(1, 6), ANNOUNCE4, PendingTable.ANNOUNCE, 0));
    assertEquals(
        Verdict.INTERVAL,
        check(v4, ANNOUNCE4.replace("00000708", "00000000"), PendingTable.ANNOUNCE, 0));
    assertEquals(
        Verdict.COUNTS,
        check(v4, ANNOUNCE4.replace("00000002 0a", "ffffffff 0a"), PendingTable.ANNOUNCE, 0));
    assertEquals(
        Verdict.COUNTS, check(v4, SCRAPE2.replace("0000000a", "8000000a"), PendingTable.SCRAPE, 2));
  }

  @Test
  void errorRepliesAreBucketedByFixedText() {
    String notAllowed =
        "00000003 deadbeef " + Hex.encode("Info hash not allowed".getBytes(StandardCharsets.UTF_8));
    String badId =
        "00000003 00000001 "
            + Hex.encode("Connection ID missmatch.".getBytes(StandardCharsets.UTF_8));
    assertEquals(Verdict.ERROR_REPLY, check(v4, notAllowed, PendingTable.ANNOUNCE, 0));
    assertEquals(Verdict.ERROR_REPLY_CONNECTION_ID, check(v4, badId, PendingTable.SCRAPE, 1));
    assertEquals(Verdict.ERROR_REPLY, check(v4, "00000003 00000001", PendingTable.CONNECT, 0));
  }

  @Test
  void transactionIdsMatchOnlyTheirOutstandingRequest() {
    PendingTable table = new PendingTable(4);
    int tid = table.acquire(PendingTable.ANNOUNCE, 0, 123, true);
    assertEquals(-1, table.match(tid + 1), "unknown id");
    assertEquals(-1, table.match(tid ^ 0x100), "same slot, other generation");
    int slot = table.match(tid);
    assertEquals(PendingTable.ANNOUNCE, table.kind(slot));
    assertEquals(123, table.startedAt(slot));
    table.release(slot);
    assertEquals(-1, table.match(tid), "answered already");
    int again = table.acquire(PendingTable.SCRAPE, 10, 456, false);
    assertEquals(slot, table.match(again), "the slot is reused");
    assertEquals(-1, table.match(tid), "a late reply to the old request is unexpected");
    assertEquals(10, table.hashCount(table.match(again)));
  }
}
