package io.karuta.bittorrent;

import static io.karuta.bittorrent.Fixtures.HEX_1_TO_20;
import static io.karuta.bittorrent.Fixtures.oneTo20;
import static io.karuta.bittorrent.Fixtures.peer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeerTest {
  private static final PeerId ID = PeerId.of(oneTo20());
  private static final IpAddress IP = IpAddress.parse("10.11.12.1");

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 6881, 65535})
  void acceptsSixteenBitPorts(int port) {
    assertEquals(port, new Peer(ID, IP, port).port());
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 65536, Integer.MIN_VALUE, Integer.MAX_VALUE})
  void rejectsPortsOutOfRange(int port) {
    assertThrows(IllegalArgumentException.class, () -> new Peer(ID, IP, port));
  }

  @Test
  void needsAnIdAndAnAddress() {
    assertThrows(IllegalArgumentException.class, () -> new Peer(null, IP, 1234));
    assertThrows(IllegalArgumentException.class, () -> new Peer(ID, null, 1234));
  }

  @Test
  void textOfAnIpv4Peer() {
    assertEquals(HEX_1_TO_20 + "@[10.11.12.1]:1234", peer("10.11.12.1", 1234).toString());
  }

  @Test
  void textOfAnIpv6Peer() {
    assertEquals(
        HEX_1_TO_20 + "@[2001:db8::ff00:42:8329]:1234",
        peer("2001:db8:0:0:0:ff00:42:8329", 1234).toString());
  }

  @Test
  void identityIsIdAddressAndPort() {
    Peer peer = new Peer(ID, IP, 1234);
    byte[] otherId = oneTo20();
    otherId[19] = 0;

    assertEquals(peer, new Peer(PeerId.of(oneTo20()), IpAddress.parse("10.11.12.1"), 1234));
    assertEquals(peer.hashCode(), peer("10.11.12.1", 1234).hashCode());
    assertNotEquals(peer, new Peer(PeerId.of(otherId), IP, 1234));
    assertNotEquals(peer, new Peer(ID, IpAddress.parse("10.11.12.2"), 1234));
    assertNotEquals(peer, new Peer(ID, IP, 1235));
  }

  @Test
  void aMappedAddressIsTheSamePeerAsItsIpv4() {
    assertEquals(peer("10.11.12.1", 1234), peer("::ffff:10.11.12.1", 1234));
    assertEquals(AddressFamily.IPV4, peer("::ffff:10.11.12.1", 1234).family());
  }

  @Test
  void familyAndWithIpFollowTheAddress() {
    Peer peer = peer("10.11.12.1", 1234);
    Peer moved = peer.withIp(IpAddress.parse("2001:db8::1"));

    assertEquals(AddressFamily.IPV4, peer.family());
    assertEquals(AddressFamily.IPV6, moved.family());
    assertEquals(peer("2001:db8::1", 1234), moved);
    assertEquals(IP, peer.ip());
  }
}
