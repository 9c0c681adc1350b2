package io.karuta.storage.redis;

import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.PeerId;

/**
 * Packs a peer into the binary member of a swarm's sorted sets: peer ID (20 bytes), address (4 or
 * 16 bytes) and port (2 bytes, big-endian). The member is the whole identity of a peer (ID, address
 * and port), so a set holds each peer once, exactly as the memory store does.
 */
final class PeerCodec {
  private PeerCodec() {}

  /** Returns the member for {@code peer}: 26 bytes for IPv4, 38 for IPv6. */
  static byte[] encode(Peer peer) {
    int addressLength = peer.family().addressLength();
    byte[] member = new byte[PeerId.LENGTH + addressLength + 2];
    peer.id().writeTo(member, 0);
    peer.ip().writeTo(member, PeerId.LENGTH);
    int port = PeerId.LENGTH + addressLength;
    member[port] = (byte) (peer.port() >>> 8);
    member[port + 1] = (byte) peer.port();
    return member;
  }

  /**
   * Returns the peer packed in {@code member}.
   *
   * @throws IllegalArgumentException when the length is neither 26 nor 38 bytes
   */
  static Peer decode(byte[] member) {
    int addressLength = member.length - PeerId.LENGTH - 2;
    if (addressLength != 4 && addressLength != 16) {
      throw new IllegalArgumentException("a peer member has 26 or 38 bytes, got " + member.length);
    }
    byte[] address = new byte[addressLength];
    System.arraycopy(member, PeerId.LENGTH, address, 0, addressLength);
    int port = PeerId.LENGTH + addressLength;
    return new Peer(
        PeerId.of(member, 0),
        IpAddress.of(address),
        ((member[port] & 0xFF) << 8) | (member[port + 1] & 0xFF));
  }
}
