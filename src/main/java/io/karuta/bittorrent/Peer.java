package io.karuta.bittorrent;

/**
 * A peer in a swarm: its ID and the endpoint other peers connect to. Two peers are the same peer
 * when ID, address and port are all equal (chihaya's identity): the same ID from another address is
 * another peer, so nobody can stop a peer whose ID they learnt.
 *
 * @param id the peer's 20-byte ID
 * @param ip the peer's address, never v4-mapped
 * @param port the TCP port, 0 to 65535; port 0 is rejected later by {@link Sanitizer}
 */
public record Peer(PeerId id, IpAddress ip, int port) {

  /** Checks that every part is present and the port fits in 16 bits. */
  public Peer {
    if (id == null || ip == null) {
      throw new IllegalArgumentException("a peer needs an ID and an address");
    }
    if (port < 0 || port > 0xFFFF) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** Returns the family of the peer's address. */
  public AddressFamily family() {
    return ip.family();
  }

  /** Returns a copy of this peer announcing from another address. */
  public Peer withIp(IpAddress newIp) {
    return new Peer(id, newIp, port);
  }

  /** Returns {@code <hex peer id>@[<ip>]:<port>}, for example {@code 0102…14@[10.11.12.1]:1234}. */
  @Override
  public String toString() {
    return id + "@[" + ip + "]:" + port;
  }
}
