package io.karuta.frontend.udp;

/**
 * BEP 15 action numbers and fixed values. All integers on the wire are big-endian. Public for
 * karuta-cli's UDP client, which writes the requests this frontend reads.
 */
public final class UdpProtocol {
  /** The {@code protocol_id} a connect request carries instead of a connection ID. */
  public static final long CONNECT_MAGIC = 0x41727101980L;

  /** Connect: request and reply. */
  public static final int CONNECT = 0;

  /** Announce with a 4-byte IP field (BEP 15). */
  public static final int ANNOUNCE = 1;

  /** Scrape. */
  public static final int SCRAPE = 2;

  /** Error reply; a request with this action is never answered. */
  public static final int ERROR = 3;

  /** Announce with a 16-byte IP field (opentracker's IPv6 form). */
  public static final int ANNOUNCE_V6 = 4;

  /** Connection ID, action and transaction ID: the start of every request. */
  public static final int REQUEST_HEADER_LENGTH = 16;

  /** The fixed part of an action 1 announce; BEP 41 options follow. */
  public static final int ANNOUNCE_LENGTH = 98;

  /** The fixed part of an action 4 announce; BEP 41 options follow. */
  public static final int ANNOUNCE_V6_LENGTH = 110;

  /** A connect reply: action, transaction ID, connection ID. */
  public static final int CONNECT_REPLY_LENGTH = 16;

  /** Action, transaction ID, interval, leechers, seeders; the peers follow. */
  public static final int ANNOUNCE_REPLY_HEADER_LENGTH = 20;

  /** Action and transaction ID; the scrape entries or the error message follow. */
  public static final int REPLY_HEADER_LENGTH = 8;

  /** Seeders, completed, leechers of one info-hash. */
  public static final int SCRAPE_ENTRY_LENGTH = 12;

  private UdpProtocol() {}
}
