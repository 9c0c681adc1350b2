package io.karuta.bench.load;

import java.nio.ByteBuffer;

/**
 * Checks one BEP 15 reply against the request it answers (the transaction id already matched).
 * Reads the buffer with absolute gets from index 0 and never allocates. Thread-safe.
 */
final class UdpReplyValidator {
  private static final byte[] CONNECTION = {'c', 'o', 'n', 'n', 'e', 'c', 't', 'i', 'o', 'n'};

  private final int numWant;
  private final int peerStride;

  /**
   * @param numWant the most peers an announce reply may carry
   * @param peerStride 6 for an IPv4 target, 18 for IPv6
   */
  UdpReplyValidator(int numWant, int peerStride) {
    this.numWant = numWant;
    this.peerStride = peerStride;
  }

  /**
   * The verdict on {@code reply[0 .. length)}, which answers a request of {@code kind} ({@link
   * PendingTable#CONNECT}, {@link PendingTable#ANNOUNCE} or {@link PendingTable#SCRAPE}) that asked
   * about {@code hashes} info-hashes. An error reply (action 3) is {@link
   * Verdict#ERROR_REPLY_CONNECTION_ID} when its message mentions a connection, else {@link
   * Verdict#ERROR_REPLY}.
   */
  Verdict check(ByteBuffer reply, int length, int kind, int hashes) {
    if (length < 8) {
      return Verdict.SHORT;
    }
    int action = reply.getInt(0);
    if (action == UdpRequests.ACTION_ERROR) {
      return mentionsConnection(reply, length)
          ? Verdict.ERROR_REPLY_CONNECTION_ID
          : Verdict.ERROR_REPLY;
    }
    return switch (kind) {
      case PendingTable.CONNECT -> checkConnect(action, length);
      case PendingTable.ANNOUNCE -> checkAnnounce(reply, action, length);
      default -> checkScrape(reply, action, length, hashes);
    };
  }

  private static Verdict checkConnect(int action, int length) {
    if (action != UdpRequests.ACTION_CONNECT) {
      return Verdict.ACTION;
    }
    return length == 16 ? Verdict.VALID : Verdict.LENGTH;
  }

  private Verdict checkAnnounce(ByteBuffer reply, int action, int length) {
    if (action != UdpRequests.ACTION_ANNOUNCE) {
      return Verdict.ACTION;
    }
    if (length < 20 || (length - 20) % peerStride != 0) {
      return Verdict.LENGTH;
    }
    if ((length - 20) / peerStride > numWant) {
      return Verdict.TOO_MANY_PEERS;
    }
    if (reply.getInt(8) <= 0) {
      return Verdict.INTERVAL;
    }
    // Counts are uint32 on the wire; 2^31 and more is no swarm any tracker holds.
    if (reply.getInt(12) < 0 || reply.getInt(16) < 0) {
      return Verdict.COUNTS;
    }
    return Verdict.VALID;
  }

  private static Verdict checkScrape(ByteBuffer reply, int action, int length, int hashes) {
    if (action != UdpRequests.ACTION_SCRAPE) {
      return Verdict.ACTION;
    }
    if (length != 8 + 12 * hashes) {
      return Verdict.LENGTH;
    }
    for (int at = 8; at < length; at += 4) {
      if (reply.getInt(at) < 0) {
        return Verdict.COUNTS;
      }
    }
    return Verdict.VALID;
  }

  private static boolean mentionsConnection(ByteBuffer reply, int length) {
    for (int start = 8; start + CONNECTION.length <= length; start++) {
      int i = 0;
      while (i < CONNECTION.length && (reply.get(start + i) | 0x20) == CONNECTION[i]) {
        i++;
      }
      if (i == CONNECTION.length) {
        return true;
      }
    }
    return false;
  }
}
