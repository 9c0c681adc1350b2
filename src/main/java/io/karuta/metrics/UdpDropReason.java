package io.karuta.metrics;

/**
 * Why a UDP datagram got no reply at all (BEP 15 asks trackers to stay silent rather than answer
 * what may be forged or is not a request); the label value of {@code karuta_udp_dropped_total}.
 */
public enum UdpDropReason {
  /** Fewer bytes than a request header (16). */
  TOO_SHORT("too_short"),
  /** A connect without the protocol's magic number, an error packet, or an unknown action. */
  NOT_A_REQUEST("not_a_request"),
  /** A bad connection ID on a datagram too short to be answered without amplification. */
  UNVERIFIED("unverified"),
  /** The sender's port is 0, so no reply can reach it. */
  SENDER_PORT_ZERO("sender_port_zero"),
  /** The kernel dropped it because the socket's receive buffer was full (read from Linux). */
  OVERLOAD("overload");

  private final String label;

  UdpDropReason(String label) {
    this.label = label;
  }

  /** Returns the label value. */
  public String label() {
    return label;
  }
}
