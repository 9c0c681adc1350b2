package io.karuta.bench.load;

import java.nio.ByteBuffer;

/** Writes BEP 15 requests into a reused buffer, leaving it flipped and ready to send. */
final class UdpRequests {
  /** The connect magic, {@code protocol_id}. */
  static final long MAGIC = 0x41727101980L;

  static final int ACTION_CONNECT = 0;
  static final int ACTION_ANNOUNCE = 1;
  static final int ACTION_SCRAPE = 2;
  static final int ACTION_ERROR = 3;
  static final int EVENT_NONE = 0;
  static final int EVENT_STARTED = 2;

  private final Workload workload;

  UdpRequests(Workload workload) {
    this.workload = workload;
  }

  /** A 16-byte connect request. */
  static void connect(ByteBuffer out, int transactionId) {
    out.clear();
    out.putLong(MAGIC).putInt(ACTION_CONNECT).putInt(transactionId);
    out.flip();
  }

  /** A 98-byte announce by peer {@code p}; {@code started} selects event 2 over 0. */
  void announce(ByteBuffer out, long connectionId, int transactionId, int p, boolean started) {
    out.clear();
    out.putLong(connectionId).putInt(ACTION_ANNOUNCE).putInt(transactionId);
    out.put(workload.hashes(), Workload.hashOffset(workload.torrentOf(p)), 20);
    out.put(workload.peerIds(), p * 20, 20);
    out.putLong(0); // downloaded
    out.putLong(workload.leftOf(p));
    out.putLong(0); // uploaded
    out.putInt(started ? EVENT_STARTED : EVENT_NONE);
    out.putInt(0); // IP: the packet's source
    out.putInt(workload.keyOf(p));
    out.putInt(workload.numWant);
    out.putShort((short) workload.portOf(p));
    out.flip();
  }

  /** A scrape of {@code count} torrents from {@code start}: 16 + 20 * count bytes. */
  void scrape(ByteBuffer out, long connectionId, int transactionId, int start, int count) {
    out.clear();
    out.putLong(connectionId).putInt(ACTION_SCRAPE).putInt(transactionId);
    for (int i = 0; i < count; i++) {
      out.put(workload.hashes(), Workload.hashOffset(workload.scrapeTorrent(start, i)), 20);
    }
    out.flip();
  }
}
