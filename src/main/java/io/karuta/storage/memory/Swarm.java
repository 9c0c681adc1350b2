package io.karuta.storage.memory;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.Mix;
import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.PeerId;
import io.karuta.storage.PeerRole;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The peers of one info-hash in one address family, packed into primitive arrays.
 *
 * <p>Layout: each peer is one record of {@code stride} longs in {@code records}. Records {@code [0,
 * seeders)} are seeders and {@code [seeders, size)} leechers, so a peer has exactly one role and a
 * role change is a swap at the partition boundary. An open-addressing {@code index} (linear
 * probing, backward-shift deletion, entries are slot + 1) finds a peer's record by its identity.
 *
 * <pre>
 *   long 0: peer ID bytes 0-7      long 1: peer ID bytes 8-15
 *   long 2: peer ID bytes 16-19 | port (16 bits) | flags (16 bits)
 *   IPv4, long 3: address (32 bits) | last seen (32 bits, unsigned epoch seconds)
 *   IPv6, longs 3-4: address; long 5: last seen
 * </pre>
 *
 * <p>Not thread-safe: {@link MemoryPeerStore} holds the swarm's monitor around every call.
 */
final class Swarm {
  private static final int FLAG_DOWNLOADED = 1;
  private static final long[] NO_RECORDS = new long[0];
  private static final int[] NO_INDEX = new int[0];
  private static final int MIN_INDEX_LENGTH = 4;
  private static final long SEED = new SecureRandom().nextLong();

  private final AddressFamily family;
  private final int stride;
  private long[] records = NO_RECORDS;
  private int[] index = NO_INDEX;
  private int size;
  private int seeders;
  private int downloaded;
  private int lastActivity;
  private boolean retired;

  Swarm(AddressFamily family) {
    this.family = family;
    this.stride = family == AddressFamily.IPV4 ? 4 : 6;
  }

  int seeders() {
    return seeders;
  }

  int leechers() {
    return size - seeders;
  }

  int downloaded() {
    return downloaded;
  }

  /** Whether the store dropped this swarm; a caller holding a stale reference must look again. */
  boolean retired() {
    return retired;
  }

  void retire() {
    retired = true;
  }

  /** Adds or refreshes the peer in the given role and returns its slot. */
  int put(Peer peer, int now, boolean seeder) {
    lastActivity = now;
    int position = find(peer);
    if (position >= 0) {
      int slot = index[position] - 1;
      setLastSeen(slot, now);
      return seeder == (slot < seeders) ? slot : changeRole(slot, seeder);
    }
    growForOneMore();
    int slot;
    if (seeder) {
      if (size > seeders) {
        moveRecord(seeders, size);
      }
      slot = seeders++;
    } else {
      slot = size;
    }
    size++;
    writeRecord(slot, peer, now);
    index[~find(peer)] = slot + 1;
    return slot;
  }

  /** Makes the peer a seeder and counts its download the first time. */
  void graduate(Peer peer, int now) {
    int base = put(peer, now, true) * stride + 2;
    if ((records[base] & FLAG_DOWNLOADED) == 0) {
      records[base] |= FLAG_DOWNLOADED;
      downloaded++;
    }
  }

  /** Removes the peer if it holds the given role. */
  boolean delete(Peer peer, boolean seeder, int now) {
    int position = find(peer);
    if (position < 0 || (index[position] - 1 < seeders) != seeder) {
      return false;
    }
    lastActivity = now;
    int slot = index[position] - 1;
    removeIndexAt(position);
    int last = size - 1;
    if (seeder) {
      int lastSeeder = seeders - 1;
      if (slot != lastSeeder) {
        moveRecord(lastSeeder, slot);
      }
      if (lastSeeder != last) {
        moveRecord(last, lastSeeder);
      }
      seeders--;
    } else if (slot != last) {
      moveRecord(last, slot);
    }
    size--;
    return true;
  }

  /**
   * Returns up to {@code numWant} random peers for {@code announcer}: leechers for a seeder;
   * seeders and then leechers for a leecher; never the announcer itself.
   */
  List<Peer> select(boolean seederAsking, int numWant, Peer announcer, RandomGenerator random) {
    List<Peer> out = new ArrayList<>(Math.min(numWant, size));
    int position = find(announcer);
    int self = position < 0 ? -1 : index[position] - 1;
    if (!seederAsking) {
      pick(0, seeders, numWant, self, random, out);
    }
    pick(seeders, size, numWant - out.size(), self, random, out);
    return out;
  }

  /** Returns what the peer is in this swarm. */
  PeerRole roleOf(Peer peer) {
    int position = find(peer);
    if (position < 0) {
      return PeerRole.ABSENT;
    }
    return index[position] - 1 < seeders ? PeerRole.SEEDER : PeerRole.LEECHER;
  }

  /**
   * Removes every peer last seen at or before {@code cutoff} (unsigned epoch seconds) and shrinks
   * the arrays to fit.
   *
   * @return whether the swarm is now empty and may be dropped: no peers, and either no downloads or
   *     no activity since {@code cutoff}
   */
  boolean expire(int cutoff) {
    int kept = 0;
    int keptSeeders = 0;
    for (int slot = 0; slot < size; slot++) {
      if (Integer.compareUnsigned(lastSeen(slot), cutoff) > 0) {
        if (kept != slot) {
          System.arraycopy(records, slot * stride, records, kept * stride, stride);
        }
        if (slot < seeders) {
          keptSeeders++;
        }
        kept++;
      }
    }
    if (kept != size || records.length > 2 * (kept + 1) * stride) {
      size = kept;
      seeders = keptSeeders;
      records = size == 0 ? NO_RECORDS : Arrays.copyOf(records, size * stride);
      rebuildIndex(indexLengthFor(size));
    }
    return size == 0 && (downloaded == 0 || Integer.compareUnsigned(lastActivity, cutoff) <= 0);
  }

  private void pick(int from, int to, int want, int self, RandomGenerator random, List<Peer> out) {
    int length = to - from;
    boolean selfInside = self >= from && self < to;
    int available = length - (selfInside ? 1 : 0);
    if (want <= 0 || available <= 0) {
      return;
    }
    int target = out.size() + Math.min(want, available);
    // A random start and a random step coprime with the length visit every record once, so repeated
    // announces hand out the whole swarm without copying or shuffling it.
    int offset = random.nextInt(length);
    int step = length <= 2 ? 1 : coprimeStep(length, random);
    for (int i = 0; i < length && out.size() < target; i++) {
      int slot = from + offset;
      if (slot != self) {
        out.add(peerAt(slot));
      }
      offset += step;
      if (offset >= length) {
        offset -= length;
      }
    }
  }

  private static int coprimeStep(int length, RandomGenerator random) {
    int step = 1 + random.nextInt(length - 1);
    while (gcd(step, length) != 1) {
      step = step == length - 1 ? 1 : step + 1;
    }
    return step;
  }

  private static int gcd(int a, int b) {
    while (b != 0) {
      int t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  private int changeRole(int slot, boolean toSeeder) {
    int target = toSeeder ? seeders : seeders - 1;
    swapRecords(slot, target);
    seeders += toSeeder ? 1 : -1;
    return target;
  }

  private Peer peerAt(int slot) {
    int base = slot * stride;
    long packed = records[base + 2];
    PeerId id = new PeerId(records[base], records[base + 1], (int) (packed >>> 32));
    IpAddress ip =
        family == AddressFamily.IPV4
            ? IpAddress.ofIpv4((int) (records[base + 3] >>> 32))
            : IpAddress.ofIpv6(records[base + 3], records[base + 4]);
    return new Peer(id, ip, (int) (packed >>> 16) & 0xFFFF);
  }

  private void writeRecord(int slot, Peer peer, int now) {
    int base = slot * stride;
    PeerId id = peer.id();
    records[base] = id.high();
    records[base + 1] = id.middle();
    records[base + 2] = (long) id.low() << 32 | (long) peer.port() << 16;
    if (stride == 4) {
      records[base + 3] = peer.ip().low() << 32 | (now & 0xFFFF_FFFFL);
    } else {
      records[base + 3] = peer.ip().high();
      records[base + 4] = peer.ip().low();
      records[base + 5] = now & 0xFFFF_FFFFL;
    }
  }

  private int lastSeen(int slot) {
    return (int) records[slot * stride + stride - 1];
  }

  private void setLastSeen(int slot, int now) {
    int at = slot * stride + stride - 1;
    records[at] = (records[at] & ~0xFFFF_FFFFL) | (now & 0xFFFF_FFFFL);
  }

  private boolean matches(int slot, Peer peer) {
    int base = slot * stride;
    long packed = records[base + 2];
    PeerId id = peer.id();
    if (records[base] != id.high()
        || records[base + 1] != id.middle()
        || (int) (packed >>> 32) != id.low()
        || ((int) (packed >>> 16) & 0xFFFF) != peer.port()) {
      return false;
    }
    return stride == 4
        ? records[base + 3] >>> 32 == peer.ip().low()
        : records[base + 3] == peer.ip().high() && records[base + 4] == peer.ip().low();
  }

  private int hashOf(Peer peer) {
    PeerId id = peer.id();
    return hash(id.high(), id.middle(), id.low(), peer.port(), peer.ip().high(), peer.ip().low());
  }

  private int hashOfSlot(int slot) {
    int base = slot * stride;
    long packed = records[base + 2];
    long ipHigh = stride == 4 ? 0 : records[base + 3];
    long ipLow = stride == 4 ? records[base + 3] >>> 32 : records[base + 4];
    return hash(
        records[base],
        records[base + 1],
        (int) (packed >>> 32),
        (int) (packed >>> 16) & 0xFFFF,
        ipHigh,
        ipLow);
  }

  /**
   * Hashes a peer's identity for the index. Peers choose their IDs, so the hash is keyed with a
   * secret per-process seed and every word goes through a non-linear mix before the next: nobody
   * outside the process can pick IDs that pile up in one run of the index.
   */
  static int hash(long idHigh, long idMiddle, int idLow, int port, long ipHigh, long ipLow) {
    long h = Mix.mix(SEED ^ idHigh);
    h = Mix.mix(h ^ idMiddle);
    h = Mix.mix(h ^ ((long) idLow << 16 | port));
    h = Mix.mix(h ^ ipHigh);
    h = Mix.mix(h ^ ipLow);
    return (int) (h ^ (h >>> 32));
  }

  /** Returns the index position holding the peer, or {@code ~position} of the free slot to use. */
  private int find(Peer peer) {
    if (index.length == 0) {
      return ~0;
    }
    int mask = index.length - 1;
    int position = hashOf(peer) & mask;
    while (true) {
      int entry = index[position];
      if (entry == 0) {
        return ~position;
      }
      if (matches(entry - 1, peer)) {
        return position;
      }
      position = (position + 1) & mask;
    }
  }

  private int positionOfSlot(int slot) {
    int mask = index.length - 1;
    int position = hashOfSlot(slot) & mask;
    while (index[position] != slot + 1) {
      position = (position + 1) & mask;
    }
    return position;
  }

  private void removeIndexAt(int position) {
    int mask = index.length - 1;
    int hole = position;
    int next = (hole + 1) & mask;
    while (index[next] != 0) {
      int home = hashOfSlot(index[next] - 1) & mask;
      // An entry may move back into the hole only if the hole lies between its home and itself.
      if (((next - home) & mask) >= ((next - hole) & mask)) {
        index[hole] = index[next];
        hole = next;
      }
      next = (next + 1) & mask;
    }
    index[hole] = 0;
  }

  private void moveRecord(int from, int to) {
    index[positionOfSlot(from)] = to + 1;
    System.arraycopy(records, from * stride, records, to * stride, stride);
  }

  private void swapRecords(int a, int b) {
    if (a == b) {
      return;
    }
    int positionA = positionOfSlot(a);
    int positionB = positionOfSlot(b);
    index[positionA] = b + 1;
    index[positionB] = a + 1;
    for (int i = 0; i < stride; i++) {
      long t = records[a * stride + i];
      records[a * stride + i] = records[b * stride + i];
      records[b * stride + i] = t;
    }
  }

  private void growForOneMore() {
    int needed = (size + 1) * stride;
    if (needed > records.length) {
      int capacity = records.length / stride;
      int grown = Math.max(2, capacity + (capacity >> 1) + 1);
      records = Arrays.copyOf(records, grown * stride);
    }
    int indexLength = indexLengthFor(size + 1);
    if (indexLength > index.length) {
      rebuildIndex(indexLength);
    }
  }

  /** Keeps the index at most 70% full, as a power of two. */
  private static int indexLengthFor(int entries) {
    if (entries == 0) {
      return 0;
    }
    int length = MIN_INDEX_LENGTH;
    while (entries * 10 > length * 7) {
      length <<= 1;
    }
    return length;
  }

  private void rebuildIndex(int length) {
    index = length == 0 ? NO_INDEX : new int[length];
    int mask = length - 1;
    for (int slot = 0; slot < size; slot++) {
      int position = hashOfSlot(slot) & mask;
      while (index[position] != 0) {
        position = (position + 1) & mask;
      }
      index[position] = slot + 1;
    }
  }
}
