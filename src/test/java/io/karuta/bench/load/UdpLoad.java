package io.karuta.bench.load;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The BEP 15 engine: one thread, {@code --sockets} connected non-blocking datagram sockets, each
 * with its own connection id and transaction table. Each turn of the loop drains the receive queue
 * of every socket a selector reports readable, sweeps timeouts once a millisecond, then tops up
 * sends to {@code --in-flight}. When a turn finds nothing to do it blocks in a selector for up to a
 * millisecond, so a slow tracker does not make the generator burn the core the tracker needs.
 */
final class UdpLoad implements Engine {
  /** BEP 15 ids live 2 minutes; renew well before. */
  private static final long CONNECTION_ID_RENEWAL = TimeUnit.SECONDS.toNanos(60);

  private static final long SWEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final int SENDS_PER_TURN = 64;
  private static final int SPINS_BEFORE_BLOCKING = 64;

  /** One local socket and its state. */
  private static final class Lane {
    final DatagramChannel channel;
    final SelectionKey key;
    final PendingTable pending;
    long connectionId;
    long connectionIdAt;
    boolean idValid;
    boolean connecting;

    Lane(DatagramChannel channel, SelectionKey key, PendingTable pending) {
      this.channel = channel;
      this.key = key;
      this.pending = pending;
    }
  }

  private final LoadOptions options;
  private final Workload workload;
  private final LoadStats stats;
  private final UdpRequests requests;
  private final UdpReplyValidator validator;
  private final ByteBuffer in = ByteBuffer.allocateDirect(65_536);
  private final ByteBuffer out = ByteBuffer.allocateDirect(2_048);
  private Lane[] lanes;
  private Schedule schedule;
  private int outstanding;
  private int nextLane;

  UdpLoad(LoadOptions options, Workload workload, LoadStats stats) {
    this.options = options;
    this.workload = workload;
    this.stats = stats;
    this.requests = new UdpRequests(workload);
    this.validator = new UdpReplyValidator(workload.numWant, options.target().peerStride());
  }

  @Override
  public void run() throws IOException {
    try (Selector selector = Selector.open()) {
      lanes = openLanes(selector);
      try {
        loop(selector);
      } finally {
        for (Lane lane : lanes) {
          lane.channel.close();
        }
      }
    }
  }

  @Override
  public double measuredSeconds() {
    return schedule.measuredSeconds();
  }

  private Lane[] openLanes(Selector selector) throws IOException {
    int perSocket = (options.inFlight() + options.sockets() - 1) / options.sockets();
    Lane[] opened = new Lane[options.sockets()];
    for (int i = 0; i < opened.length; i++) {
      DatagramChannel channel =
          DatagramChannel.open(
              options.target().ipv6() ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
      channel.configureBlocking(false);
      channel.connect(options.target().address());
      SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
      // Room for a full window plus connects, and for slots held by late replies' timeouts.
      opened[i] = new Lane(channel, key, new PendingTable(perSocket * 2 + 2));
    }
    return opened;
  }

  private void loop(Selector selector) throws IOException {
    long now = System.nanoTime();
    schedule = new Schedule(options, now);
    long lastSweep = now;
    renewConnectionIds(now);
    int spins = 0;
    while (true) {
      now = System.nanoTime();
      boolean worked = false;
      // One selectNow tells which sockets have replies: cheaper than an empty read per socket.
      selector.selectNow();
      Set<SelectionKey> ready = selector.selectedKeys();
      if (!ready.isEmpty()) {
        for (Lane lane : lanes) {
          if (ready.contains(lane.key)) {
            worked |= receive(lane, now);
          }
        }
        ready.clear();
      }
      if (now - lastSweep >= SWEEP_NANOS) {
        sweep(now, false);
        lastSweep = now;
      }
      if (schedule.sendingOver(now)) {
        if (outstanding == 0 || schedule.drainOver(now)) {
          break;
        }
      } else {
        renewConnectionIds(now);
        worked |= send(now);
      }
      if (worked) {
        spins = 0;
      } else if (++spins < SPINS_BEFORE_BLOCKING
          || schedule.untilDue(now) > 0 && schedule.untilDue(now) < SWEEP_NANOS) {
        Thread.onSpinWait();
      } else {
        selector.select(1); // the keys it selects are read at the next selectNow
        spins = 0;
      }
    }
    sweep(Long.MAX_VALUE / 2, true);
  }

  private boolean receive(Lane lane, long now) {
    boolean any = false;
    while (true) {
      in.clear();
      int length;
      try {
        length = lane.channel.read(in);
      } catch (IOException e) {
        // An ICMP error (port unreachable) surfaces here; it answers no request in particular.
        stray(Verdict.IO_ERROR, now);
        return any;
      }
      if (length <= 0) {
        return any;
      }
      any = true;
      handle(lane, length, now);
    }
  }

  private void handle(Lane lane, int length, long now) {
    if (length < 8) {
      stray(Verdict.SHORT, now);
      return;
    }
    int slot = lane.pending.match(in.getInt(4));
    if (slot < 0) {
      stray(Verdict.UNEXPECTED, now);
      return;
    }
    int kind = lane.pending.kind(slot);
    Verdict verdict = validator.check(in, length, kind, lane.pending.hashCount(slot));
    if (kind == PendingTable.CONNECT) {
      lane.connecting = false;
      if (verdict == Verdict.VALID) {
        lane.connectionId = in.getLong(8);
        lane.connectionIdAt = now;
        lane.idValid = true;
      }
    } else if (verdict.outcome == Verdict.Outcome.ERROR) {
      lane.idValid = false; // the id may have expired: shake hands again before more requests
    }
    finish(lane, slot, verdict, now);
  }

  private void finish(Lane lane, int slot, Verdict verdict, long now) {
    if (lane.pending.counted(slot)) {
      tally(lane.pending.kind(slot)).record(verdict, now - lane.pending.startedAt(slot));
    }
    if (lane.pending.kind(slot) == PendingTable.CONNECT) {
      lane.connecting = false;
    }
    lane.pending.release(slot);
    outstanding--;
  }

  private void sweep(long now, boolean all) {
    for (Lane lane : lanes) {
      for (int slot = 0; slot < lane.pending.capacity(); slot++) {
        if (lane.pending.inUse(slot)
            && (all || schedule.timedOut(lane.pending.startedAt(slot), now))) {
          finish(lane, slot, Verdict.TIMEOUT, now);
        }
      }
    }
  }

  private void renewConnectionIds(long now) {
    for (Lane lane : lanes) {
      boolean stale = !lane.idValid || now - lane.connectionIdAt > CONNECTION_ID_RENEWAL;
      if (stale && !lane.connecting && lane.pending.hasRoom()) {
        int tid = lane.pending.acquire(PendingTable.CONNECT, 0, now, schedule.measured(now));
        if (schedule.measured(now)) {
          stats.connect.sent();
        }
        UdpRequests.connect(out, tid);
        lane.connecting = true;
        outstanding++;
        write(lane, lane.pending.match(tid), now);
      }
    }
  }

  private boolean send(long now) {
    int sent = 0;
    while (sent < SENDS_PER_TURN
        && outstanding < options.inFlight()
        && schedule.due(now)
        && !schedule.sendingOver(now)) {
      Lane lane = readyLane();
      if (lane == null) {
        break;
      }
      long start = schedule.take(now);
      boolean counted = schedule.count(start);
      int tid;
      Tally tally;
      if (workload.nextIsScrape()) {
        int first = workload.nextScrapeStart();
        int count = workload.scrapeSize();
        tid = lane.pending.acquire(PendingTable.SCRAPE, count, start, counted);
        requests.scrape(out, lane.connectionId, tid, first, count);
        tally = stats.scrape;
      } else {
        int peer = workload.nextPeer();
        tid = lane.pending.acquire(PendingTable.ANNOUNCE, 0, start, counted);
        requests.announce(out, lane.connectionId, tid, peer, workload.firstAnnounce(peer));
        tally = stats.announce;
      }
      if (counted) {
        tally.sent();
      }
      outstanding++;
      write(lane, lane.pending.match(tid), now);
      sent++;
    }
    return sent > 0;
  }

  private Lane readyLane() {
    for (int i = 0; i < lanes.length; i++) {
      Lane lane = lanes[nextLane];
      nextLane = nextLane + 1 == lanes.length ? 0 : nextLane + 1;
      if (lane.idValid && lane.pending.hasRoom()) {
        return lane;
      }
    }
    return null;
  }

  private void write(Lane lane, int slot, long now) {
    try {
      if (lane.channel.write(out) > 0) {
        return;
      }
    } catch (IOException e) {
      // reported below, against this request
    }
    finish(lane, slot, Verdict.IO_ERROR, now);
  }

  private void stray(Verdict verdict, long now) {
    if (schedule.measured(now)) {
      stats.stray.record(verdict, 0);
    }
  }

  private Tally tally(int kind) {
    return switch (kind) {
      case PendingTable.CONNECT -> stats.connect;
      case PendingTable.ANNOUNCE -> stats.announce;
      default -> stats.scrape;
    };
  }
}
