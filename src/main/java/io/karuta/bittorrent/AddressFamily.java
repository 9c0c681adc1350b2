package io.karuta.bittorrent;

/**
 * The IP address family of a peer. IPv4 and IPv6 peers of one torrent form two separate swarms (BEP
 * 7): a compact reply can only carry one family per key, and a UDP reply only the family of the
 * socket it answers on (BEP 15).
 */
public enum AddressFamily {
  /** IPv4: 4-byte addresses, 6-byte compact peers. */
  IPV4("IPv4", 4),
  /** IPv6: 16-byte addresses, 18-byte compact peers. */
  IPV6("IPv6", 16);

  private final String label;
  private final int addressLength;

  AddressFamily(String label, int addressLength) {
    this.label = label;
    this.addressLength = addressLength;
  }

  /** Returns the number of bytes in an address of this family (4 or 16). */
  public int addressLength() {
    return addressLength;
  }

  /** Returns the size of one compact peer entry: the address plus a 2-byte port (BEP 23, BEP 7). */
  public int compactPeerLength() {
    return addressLength + 2;
  }

  /** Returns {@code IPv4} or {@code IPv6}, the form used in logs and metric labels. */
  @Override
  public String toString() {
    return label;
  }
}
