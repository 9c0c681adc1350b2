package io.karuta.bittorrent;

/**
 * A block of addresses in CIDR notation, such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}. An
 * address without a prefix length is a block of one. Used to say which reverse proxies are trusted.
 *
 * @param base the first address of the block (host bits zero)
 * @param prefixLength how many leading bits are fixed: 0 to 32 for IPv4, 0 to 128 for IPv6
 */
public record IpNetwork(IpAddress base, int prefixLength) {

  /** Checks the prefix length and that the host bits of {@code base} are zero. */
  public IpNetwork {
    int bits = base.family().addressLength() * 8;
    if (prefixLength < 0 || prefixLength > bits) {
      throw new IllegalArgumentException("prefix length must be 0 to " + bits);
    }
    if (!matches(base, base.high(), base.low(), prefixLength)) {
      throw new IllegalArgumentException("the address has bits set beyond the prefix length");
    }
  }

  /**
   * Parses {@code address/length} or a bare address. The address may have bits set beyond the
   * prefix ({@code 10.1.2.3/8}); they are cleared.
   *
   * @throws IllegalArgumentException if the text is not a CIDR block
   */
  public static IpNetwork parse(String text) {
    int slash = text.indexOf('/');
    String literal = slash < 0 ? text : text.substring(0, slash);
    IpAddress address = IpAddress.parse(literal);
    // A v4-mapped block such as ::ffff:10.0.0.0/104 is the IPv4 block 10.0.0.0/8, because
    // addresses are never kept in mapped form.
    int mappedBits = address.family() == AddressFamily.IPV4 && literal.indexOf(':') >= 0 ? 96 : 0;
    int bits = address.family().addressLength() * 8 + mappedBits;
    int length = (slash < 0 ? bits : parseLength(text.substring(slash + 1), bits)) - mappedBits;
    if (length < 0) {
      throw new IllegalArgumentException("a v4-mapped block needs a prefix length of at least 96");
    }
    if (address.family() == AddressFamily.IPV4) {
      return new IpNetwork(IpAddress.ofIpv4((int) (address.low() & ipv4Mask(length))), length);
    }
    return new IpNetwork(
        IpAddress.ofIpv6(address.high() & mask(length), address.low() & mask(length - 64)), length);
  }

  /** Returns whether {@code address} lies inside this block (never across address families). */
  public boolean contains(IpAddress address) {
    return address.family() == base.family()
        && matches(base, address.high(), address.low(), prefixLength);
  }

  private static boolean matches(IpAddress base, long high, long low, int length) {
    if (base.family() == AddressFamily.IPV4) {
      return (low & ipv4Mask(length)) == base.low();
    }
    return (high & mask(length)) == base.high() && (low & mask(length - 64)) == base.low();
  }

  private static long ipv4Mask(int bits) {
    return bits == 0 ? 0 : (0xFFFF_FFFFL << (32 - bits)) & 0xFFFF_FFFFL;
  }

  /** A mask of the {@code bits} leading bits of a long, for any {@code bits} (clamped to 0..64). */
  private static long mask(int bits) {
    if (bits <= 0) {
      return 0;
    }
    return bits >= 64 ? -1L : -1L << (64 - bits);
  }

  private static int parseLength(String digits, int bits) {
    if (digits.isEmpty() || digits.length() > 3) {
      throw new IllegalArgumentException("not a CIDR prefix length");
    }
    int value = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not a CIDR prefix length");
      }
      value = value * 10 + (c - '0');
    }
    if (value > bits) {
      throw new IllegalArgumentException("prefix length must be 0 to " + bits);
    }
    return value;
  }

  @Override
  public String toString() {
    return base + "/" + prefixLength;
  }
}
