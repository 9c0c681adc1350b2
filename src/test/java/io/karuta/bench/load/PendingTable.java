package io.karuta.bench.load;

/**
 * The requests outstanding on one UDP socket, keyed by transaction id. A transaction id is a slot
 * number in its low bits and that slot's use count above them, so a late reply to a slot that was
 * freed (by a timeout) and reused no longer matches. Allocation-free. Not thread-safe.
 */
final class PendingTable {
  /** Kinds of request, as stored per slot. */
  static final int CONNECT = 1;

  static final int ANNOUNCE = 2;
  static final int SCRAPE = 3;

  private final int bits;
  private final int mask;
  private final int[] generation;
  private final int[] kind;
  private final int[] hashCount;
  private final long[] startedAt;
  private final boolean[] counted;
  private final int[] free;
  private int freeCount;

  /** A table with room for at least {@code capacity} outstanding requests. */
  PendingTable(int capacity) {
    int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
    bits = Integer.numberOfTrailingZeros(size);
    mask = size - 1;
    generation = new int[size];
    kind = new int[size];
    hashCount = new int[size];
    startedAt = new long[size];
    counted = new boolean[size];
    free = new int[size];
    for (int i = 0; i < size; i++) {
      free[freeCount++] = size - 1 - i;
    }
  }

  /** How many slots the table has. */
  int capacity() {
    return mask + 1;
  }

  /** How many requests are outstanding. */
  int outstanding() {
    return capacity() - freeCount;
  }

  /** Whether another request fits. */
  boolean hasRoom() {
    return freeCount > 0;
  }

  /**
   * Takes a free slot for a request and returns its transaction id.
   *
   * @throws IllegalStateException when full (check {@link #hasRoom()} first)
   */
  int acquire(int requestKind, int hashes, long startNanos, boolean countIt) {
    if (freeCount == 0) {
      throw new IllegalStateException("no free slot");
    }
    int slot = free[--freeCount];
    generation[slot]++;
    kind[slot] = requestKind;
    hashCount[slot] = hashes;
    startedAt[slot] = startNanos;
    counted[slot] = countIt;
    return transactionId(slot);
  }

  /** The slot of the outstanding request with this transaction id, or -1 if there is none. */
  int match(int transactionId) {
    int slot = transactionId & mask;
    return kind[slot] != 0 && transactionId(slot) == transactionId ? slot : -1;
  }

  /** Whether {@code slot} holds an outstanding request. */
  boolean inUse(int slot) {
    return kind[slot] != 0;
  }

  /** Frees {@code slot}. */
  void release(int slot) {
    kind[slot] = 0;
    free[freeCount++] = slot;
  }

  int kind(int slot) {
    return kind[slot];
  }

  int hashCount(int slot) {
    return hashCount[slot];
  }

  long startedAt(int slot) {
    return startedAt[slot];
  }

  boolean counted(int slot) {
    return counted[slot];
  }

  private int transactionId(int slot) {
    return (generation[slot] << bits) | slot;
  }
}
