package io.karuta.frontend.udp;

import io.karuta.bittorrent.IpAddress;

/** Decides whether a connection ID is valid for a source (implemented by {@link ConnectionIds}). */
@FunctionalInterface
public interface ConnectionIdCheck {
  /**
   * Returns whether {@code connectionId} was issued to {@code source} and has not expired.
   * Implementations must be thread-safe.
   *
   * @param source the datagram's source address, never v4-mapped
   */
  boolean valid(long connectionId, IpAddress source);
}
