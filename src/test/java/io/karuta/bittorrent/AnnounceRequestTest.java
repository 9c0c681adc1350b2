package io.karuta.bittorrent;

import static io.karuta.bittorrent.Fixtures.IH;
import static io.karuta.bittorrent.Fixtures.peer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnnounceRequestTest {
  private static final Peer PEER = peer("2001:db8::1", 6881);
  private static final Params PARAMS = QueryParser.parseQuery("/announce", "key=abc");

  private static AnnounceRequest request(long uploaded, long downloaded, long left, int numWant) {
    return new AnnounceRequest(
        IH, PEER, Event.STARTED, uploaded, downloaded, left, numWant, true, true, false, PARAMS);
  }

  @Test
  void needsInfoHashPeerEventAndParams() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new AnnounceRequest(null, PEER, Event.NONE, 0, 0, 0, 0, false, false, false, PARAMS));
    assertThrows(
        IllegalArgumentException.class,
        () -> new AnnounceRequest(IH, null, Event.NONE, 0, 0, 0, 0, false, false, false, PARAMS));
    assertThrows(
        IllegalArgumentException.class,
        () -> new AnnounceRequest(IH, PEER, null, 0, 0, 0, 0, false, false, false, PARAMS));
    assertThrows(
        IllegalArgumentException.class,
        () -> new AnnounceRequest(IH, PEER, Event.NONE, 0, 0, 0, 0, false, false, false, null));
  }

  @ParameterizedTest
  @CsvSource({"-1, 0, 0, 0", "0, -1, 0, 0", "0, 0, -1, 0", "0, 0, 0, -1"})
  void countsCannotBeNegative(long uploaded, long downloaded, long left, int numWant) {
    assertThrows(
        IllegalArgumentException.class, () -> request(uploaded, downloaded, left, numWant));
  }

  @Test
  void acceptsTheLargestCounts() {
    AnnounceRequest request =
        request(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE);
    assertEquals(Long.MAX_VALUE, request.left());
  }

  @Test
  void aPeerWithNothingLeftIsSeeding() {
    assertTrue(request(0, 0, 0, 0).seeding());
    assertFalse(request(0, 0, 1, 0).seeding());
  }

  @Test
  void theFamilyIsThePeers() {
    assertEquals(AddressFamily.IPV6, request(0, 0, 0, 0).family());
  }

  @Test
  void withNumWantChangesOnlyNumWant() {
    AnnounceRequest request = request(1, 2, 3, 4);
    AnnounceRequest changed = request.withNumWant(9);

    assertEquals(request(1, 2, 3, 9), changed);
    assertEquals(PARAMS, changed.params());
    assertThrows(IllegalArgumentException.class, () -> request.withNumWant(-1));
  }
}
