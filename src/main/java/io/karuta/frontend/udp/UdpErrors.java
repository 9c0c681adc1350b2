package io.karuta.frontend.udp;

import io.karuta.bittorrent.ClientError;

/**
 * The failures the UDP frontend itself reports in error packets. The texts are chihaya's
 * (frontend/udp). Each constant is an immutable, stackless {@link ClientError}.
 */
public final class UdpErrors {
  /**
   * A connection ID that is forged, expired or issued to another address. Its packet is 25 bytes,
   * so it goes only to requests at least that long (see {@link UdpCodec#decode}).
   */
  public static final ClientError BAD_CONNECTION_ID = new ClientError("bad connection ID");

  /** A request that does not parse: too short, negative byte counts, broken BEP 41 options. */
  public static final ClientError MALFORMED_PACKET = new ClientError("malformed packet");

  private UdpErrors() {}
}
