package io.karuta.frontend.udp;

import static io.karuta.frontend.udp.UdpFixtures.ACCEPT;
import static io.karuta.frontend.udp.UdpFixtures.PLAIN;
import static io.karuta.frontend.udp.UdpFixtures.REJECT;
import static io.karuta.frontend.udp.UdpFixtures.SPOOFABLE;
import static io.karuta.frontend.udp.UdpFixtures.V4;
import static io.karuta.frontend.udp.UdpFixtures.V6;
import static io.karuta.frontend.udp.UdpFixtures.VALID_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.karuta.bittorrent.IpAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The two promises of {@link UdpCodec#decode} that hold for every input: it never throws, and an
 * unverified source never gets an answer longer than its datagram (no reflection attack can use the
 * tracker to amplify its traffic).
 */
class UdpCodecRobustnessTest {
  private static final long SEED = 0x5eed_0015L;

  /** Actions 0 to 5, the extremes, and a few seeded random values. */
  private static List<Integer> actions() {
    List<Integer> actions = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, -1, Integer.MIN_VALUE));
    Random random = new Random(SEED);
    for (int i = 0; i < 4; i++) {
      actions.add(random.nextInt());
    }
    return actions;
  }

  /** Returns {@code length} bytes of the given fill: 0 zeros, 1 0xFF, 2 seeded random. */
  private static byte[] payload(int length, int fill, Random random) {
    byte[] bytes = new byte[length];
    if (fill == 1) {
      Arrays.fill(bytes, (byte) 0xff);
    } else if (fill == 2) {
      random.nextBytes(bytes);
    }
    return bytes;
  }

  /** Writes the header fields that fit into {@code packet}. */
  private static byte[] withHeader(byte[] packet, long connectionId, int action) {
    ByteBuffer buffer = ByteBuffer.wrap(packet);
    if (packet.length >= 8) {
      buffer.putLong(0, connectionId);
    }
    if (packet.length >= 12) {
      buffer.putInt(8, action);
    }
    return packet;
  }

  private static List<Integer> lengths() {
    List<Integer> lengths = new ArrayList<>();
    for (int length = 0; length <= 300; length++) {
      lengths.add(length);
    }
    for (int length = 307; length < 2048; length += 29) {
      lengths.add(length);
    }
    lengths.add(2048);
    return lengths;
  }

  @Test
  void decodeNeverThrows() {
    Random random = new Random(SEED);
    IpAddress[] sources = {V4, V6};
    UdpCodec[] codecs = {PLAIN, SPOOFABLE};
    int decoded = 0;
    for (int length : lengths()) {
      for (int action : actions()) {
        for (int fill = 0; fill < 3; fill++) {
          for (boolean validId : new boolean[] {true, false}) {
            long id = validId ? (action == 0 ? UdpProtocol.CONNECT_MAGIC : VALID_ID) : 0x42;
            byte[] packet = withHeader(payload(length, fill, random), id, action);
            UdpCodec codec = codecs[decoded & 1];
            IpAddress source = sources[(decoded >> 1) & 1];
            try {
              assertNotNull(codec.decode(ByteBuffer.wrap(packet), source, ACCEPT));
            } catch (RuntimeException e) {
              fail("length " + length + ", action " + action + ", fill " + fill, e);
            }
            decoded++;
          }
        }
      }
    }
    assertEquals(lengths().size() * actions().size() * 3 * 2, decoded);
  }

  @Test
  void unverifiedSourcesNeverGetMoreBytesThanTheySent() {
    Random random = new Random(SEED);
    int errors = 0;
    for (int length = 16; length <= 120; length++) {
      for (int action : actions()) {
        for (int fill = 0; fill < 3; fill++) {
          byte[] packet = withHeader(payload(length, fill, random), VALID_ID, action);
          UdpRequest decoded = PLAIN.decode(ByteBuffer.wrap(packet), V4, REJECT);
          if (decoded instanceof UdpRequest.Refusal error) {
            assertTrue(
                UdpCodec.errorLength(error.error().getMessage()) <= length,
                "length " + length + ", action " + action);
            assertTrue(action == 1 || action == 2 || action == 4, "action " + action);
            errors++;
          } else if (action != 0) {
            assertInstanceOf(UdpRequest.Drop.class, decoded);
          }
        }
      }
    }
    // Actions 1, 2 and 4 from 25 to 120 bytes, three fills each.
    assertEquals(3 * 3 * (120 - 25 + 1), errors);
  }

  @Test
  void repliesAndUnknownActionsAreNeverAnsweredWhateverTheId() {
    Random random = new Random(SEED);
    for (int action : actions()) {
      if (action >= 0 && action <= 2 || action == 4) {
        continue;
      }
      for (int length = 16; length <= 300; length++) {
        byte[] packet = withHeader(payload(length, 2, random), VALID_ID, action);
        assertInstanceOf(UdpRequest.Drop.class, PLAIN.decode(ByteBuffer.wrap(packet), V4, ACCEPT));
        assertInstanceOf(UdpRequest.Drop.class, PLAIN.decode(ByteBuffer.wrap(packet), V4, REJECT));
      }
    }
  }
}
