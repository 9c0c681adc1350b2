package io.karuta.bittorrent;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 address held in two longs, with its family.
 *
 * <p>An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) is turned into the IPv4 address it maps
 * at construction, so nothing downstream (swarm choice, compact stride, connection-ID MAC,
 * statistics) ever sees the mapped form: on a dual-stack socket every IPv4 client arrives mapped.
 *
 * @param family the address family
 * @param high for IPv6, address bytes 0 to 7; for IPv4, zero
 * @param low for IPv6, address bytes 8 to 15; for IPv4, the address in the low 32 bits
 */
public record IpAddress(AddressFamily family, long high, long low) {

  private static final long MAPPED_PREFIX = 0x0000_FFFFL;

  /** Checks that an IPv4 value uses only the low 32 bits. */
  public IpAddress {
    if (family == null) {
      throw new IllegalArgumentException("family is required");
    }
    if (family == AddressFamily.IPV4 && (high != 0 || (low >>> 32) != 0)) {
      throw new IllegalArgumentException("an IPv4 address has 32 bits");
    }
    if (family == AddressFamily.IPV6 && high == 0 && (low >>> 32) == MAPPED_PREFIX) {
      throw new IllegalArgumentException("use IpAddress.of to normalise a v4-mapped address");
    }
  }

  /**
   * Returns the address held in 4 or 16 network-order bytes; a v4-mapped IPv6 address becomes IPv4.
   *
   * @throws IllegalArgumentException for any other length
   */
  public static IpAddress of(byte[] bytes) {
    if (bytes.length == 4) {
      return ofIpv4(readInt(bytes, 0));
    }
    if (bytes.length == 16) {
      return ofIpv6(Bytes20.readLong(bytes, 0), Bytes20.readLong(bytes, 8));
    }
    throw new IllegalArgumentException("an IP address has 4 or 16 bytes, got " + bytes.length);
  }

  /** Returns the IPv4 address whose network-order value is {@code address}. */
  public static IpAddress ofIpv4(int address) {
    return new IpAddress(AddressFamily.IPV4, 0, address & 0xFFFF_FFFFL);
  }

  /** Returns the IPv6 address with these halves, or the IPv4 address it maps. */
  public static IpAddress ofIpv6(long high, long low) {
    if (high == 0 && (low >>> 32) == MAPPED_PREFIX) {
      return ofIpv4((int) low);
    }
    return new IpAddress(AddressFamily.IPV6, high, low);
  }

  /** Returns the address of {@code address}; a v4-mapped IPv6 address becomes IPv4. */
  public static IpAddress of(InetAddress address) {
    return of(address.getAddress());
  }

  /**
   * Parses an IP literal: dotted-quad IPv4 or textual IPv6 (RFC 4291 §2.2, no zone). Never does a
   * name lookup.
   *
   * @throws IllegalArgumentException if the text is not an IP literal
   */
  public static IpAddress parse(String text) {
    return of(IpLiteral.parse(text));
  }

  /** Returns the address in 4 (IPv4) or 16 (IPv6) network-order bytes. */
  public byte[] bytes() {
    byte[] out = new byte[family.addressLength()];
    writeTo(out, 0);
    return out;
  }

  /** Writes the 4 or 16 network-order bytes into {@code dst} at {@code offset}. */
  public void writeTo(byte[] dst, int offset) {
    if (family == AddressFamily.IPV4) {
      int value = (int) low;
      dst[offset] = (byte) (value >>> 24);
      dst[offset + 1] = (byte) (value >>> 16);
      dst[offset + 2] = (byte) (value >>> 8);
      dst[offset + 3] = (byte) value;
    } else {
      Bytes20.writeLong(high, dst, offset);
      Bytes20.writeLong(low, dst, offset + 8);
    }
  }

  /** Returns this address as a JDK {@link InetAddress}, without any name lookup. */
  public InetAddress toInetAddress() {
    try {
      return InetAddress.getByAddress(bytes());
    } catch (UnknownHostException e) {
      throw new IllegalStateException("a 4- or 16-byte address is always valid", e);
    }
  }

  /**
   * Returns the dotted-quad IPv4 form, or the RFC 5952 compressed IPv6 form such as {@code
   * 2001:db8::1}.
   */
  @Override
  public String toString() {
    return IpLiteral.format(this);
  }

  private static int readInt(byte[] b, int off) {
    return (b[off] & 0xFF) << 24
        | (b[off + 1] & 0xFF) << 16
        | (b[off + 2] & 0xFF) << 8
        | (b[off + 3] & 0xFF);
  }
}
