package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.karuta.bittorrent.IpAddress;
import io.karuta.frontend.udp.ConnectionIds;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/**
 * Connection IDs: expired and forged ones are refused, and the answer to an unverified source is
 * never larger than what it sent; replies and unknown actions get no answer.
 */
class UdpConnectionIdIT extends DeployedTracker {
  /** The key of src/test/resources/it/karuta-it.yaml. */
  private static final byte[] KEY = "karuta-integration-tests".getBytes(StandardCharsets.UTF_8);

  @Test
  void anIdMintedWithTheSharedKeyIsAccepted() {
    long id = ids(Instant.now()).generate(IpAddress.parse("127.0.0.1"));
    byte[] reply = udp4().exchange(announce(id, 5));
    assertEquals(1, ByteBuffer.wrap(reply).getInt(0), "another instance's ID works (shared key)");
  }

  @Test
  void anExpiredIdIsRefused() {
    long id =
        ids(Instant.now().minus(Duration.ofMinutes(3))).generate(IpAddress.parse("127.0.0.1"));
    assertEquals(
        "bad connection ID", UdpTrackerClient.errorText(udp4().exchange(announce(id, 6)), 6));
  }

  @Test
  void aForgedOrForeignIdIsRefused() {
    long forged = ids(Instant.now()).generate(IpAddress.parse("127.0.0.1")) ^ 1;
    assertEquals(
        "bad connection ID", UdpTrackerClient.errorText(udp4().exchange(announce(forged, 7)), 7));
    long otherAddress = ids(Instant.now()).generate(IpAddress.parse("192.0.2.1"));
    assertEquals(
        "bad connection ID",
        UdpTrackerClient.errorText(udp4().exchange(announce(otherAddress, 8)), 8));
  }

  @Test
  void unverifiedSourcesNeverGetMoreBytesThanTheySent() {
    byte[] tinyScrape = ByteBuffer.allocate(20).putLong(1234).putInt(2).putInt(9).array();
    udp4().assertSilent(tinyScrape, "a 25-byte error would exceed the 20-byte request");
  }

  @Test
  void repliesAndUnknownActionsAreNeverAnswered() {
    long id = udp4().connect();
    for (int action : new int[] {3, 5, 0x7fffffff}) {
      byte[] datagram = ByteBuffer.allocate(98).putLong(id).putInt(action).putInt(1).array();
      udp4().assertSilent(datagram, "action " + action);
    }
  }

  private static ConnectionIds ids(Instant at) {
    return new ConnectionIds(
        KEY, Duration.ofMinutes(2), Duration.ofSeconds(10), InstantSource.fixed(at));
  }

  private static byte[] announce(long connectionId, int transaction) {
    return UdpTrackerClient.announce(
        connectionId,
        transaction,
        Announce.randomInfoHash(),
        "-KR0001-000000000001",
        10,
        2,
        10,
        9001);
  }
}
