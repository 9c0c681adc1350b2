package io.karuta.bench.load;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP engine: one thread, a selector, and {@code --in-flight} slots, each with at most one
 * request on its connection (clients do not pipeline). A connection is opened when a slot gets a
 * request and has none, kept for the next request unless the server or {@code --close} ends it.
 *
 * <p>A server may close an idle keep-alive connection just as a request goes out on it; when a
 * reused connection ends before any byte of the reply, the request is sent once more on a fresh
 * connection and not counted as an error, as browsers do.
 */
final class HttpLoad implements Engine {
  private static final long SWEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  /** One request slot and its connection. */
  private static final class Slot {
    final HttpResponseParser parser = new HttpResponseParser();
    final ByteBuffer out;
    final int index;
    SocketChannel channel;
    SelectionKey key;
    boolean busy;
    boolean reused;
    boolean retried;
    boolean scrape;
    int scrapeStart;
    int scrapeCount;
    long start;
    boolean counted;

    Slot(int index, int bufferSize) {
      this.index = index;
      out = ByteBuffer.allocateDirect(bufferSize);
    }
  }

  private final LoadOptions options;
  private final Workload workload;
  private final LoadStats stats;
  private final HttpRequests requests;
  private final HttpReplyValidator validator;
  private final String[] hashKeys;
  private final String[] asked;
  private final ByteBuffer in = ByteBuffer.allocateDirect(65_536);
  private final Slot[] slots;
  private final int[] idle;
  private int idleCount;
  private int busyCount;
  private Schedule schedule;
  private Selector selector;

  HttpLoad(LoadOptions options, Workload workload, LoadStats stats) {
    this.options = options;
    this.workload = workload;
    this.stats = stats;
    this.requests =
        new HttpRequests(
            workload,
            options.announcePath(),
            options.scrapePath(),
            options.target().hostHeader(),
            options.close());
    this.validator = new HttpReplyValidator(workload.numWant);
    this.hashKeys = new String[workload.torrents];
    for (int t = 0; t < hashKeys.length; t++) {
      hashKeys[t] =
          new String(workload.hashes(), Workload.hashOffset(t), 20, StandardCharsets.ISO_8859_1);
    }
    this.asked = new String[options.scrapeHashes()];
    this.slots = new Slot[options.inFlight()];
    this.idle = new int[slots.length];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = new Slot(i, requests.maxLength(options.scrapeHashes()));
      idle[idleCount++] = i;
    }
  }

  @Override
  public void run() throws IOException {
    try (Selector opened = Selector.open()) {
      selector = opened;
      try {
        loop();
      } finally {
        for (Slot slot : slots) {
          disconnect(slot);
        }
      }
    }
  }

  @Override
  public double measuredSeconds() {
    return schedule.measuredSeconds();
  }

  private void loop() throws IOException {
    long now = System.nanoTime();
    schedule = new Schedule(options, now);
    long lastSweep = now;
    while (true) {
      now = System.nanoTime();
      if (schedule.sendingOver(now)) {
        if (busyCount == 0 || schedule.drainOver(now)) {
          break;
        }
      } else {
        while (idleCount > 0 && schedule.due(now) && !schedule.sendingOver(now)) {
          assign(slots[idle[--idleCount]], now);
        }
      }
      // With a rate, a request due within the millisecond is waited for by polling.
      boolean canSend = idleCount > 0 && !schedule.sendingOver(now);
      if (canSend && schedule.untilDue(now) < SWEEP_NANOS) {
        selector.selectNow();
      } else {
        selector.select(1);
      }
      now = System.nanoTime();
      Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
      while (ready.hasNext()) {
        SelectionKey key = ready.next();
        ready.remove();
        ready((Slot) key.attachment(), key, now);
      }
      if (now - lastSweep >= SWEEP_NANOS) {
        sweep(now, false);
        lastSweep = now;
      }
    }
    sweep(Long.MAX_VALUE / 2, true);
  }

  private void assign(Slot slot, long now) {
    slot.start = schedule.take(now);
    slot.counted = schedule.count(slot.start);
    slot.scrape = workload.nextIsScrape();
    if (slot.scrape) {
      slot.scrapeStart = workload.nextScrapeStart();
      slot.scrapeCount = workload.scrapeSize();
      requests.scrape(slot.out, slot.scrapeStart, slot.scrapeCount);
    } else {
      int peer = workload.nextPeer();
      requests.announce(slot.out, peer, workload.firstAnnounce(peer));
    }
    if (slot.counted) {
      (slot.scrape ? stats.scrape : stats.announce).sent();
    }
    slot.busy = true;
    slot.retried = false;
    busyCount++;
    dispatch(slot, now);
  }

  /** Sends the slot's request, connecting first if the slot has no connection. */
  private void dispatch(Slot slot, long now) {
    slot.parser.reset();
    slot.out.rewind();
    if (slot.channel != null) {
      write(slot, now);
      return;
    }
    slot.reused = false;
    try {
      slot.channel = SocketChannel.open();
      slot.channel.configureBlocking(false);
      slot.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      slot.key = slot.channel.register(selector, SelectionKey.OP_CONNECT, slot);
      if (slot.channel.connect(options.target().address())) {
        connected(slot, now);
      }
    } catch (IOException e) {
      complete(slot, Verdict.CONNECT_FAILED, now, false);
    }
  }

  private void ready(Slot slot, SelectionKey key, long now) {
    if (!key.isValid()) {
      return;
    }
    if (key.isConnectable()) {
      try {
        slot.channel.finishConnect();
      } catch (IOException e) {
        complete(slot, Verdict.CONNECT_FAILED, now, false);
        return;
      }
      connected(slot, now);
    } else {
      if (key.isWritable()) {
        write(slot, now);
      }
      if (key.isValid() && key.isReadable()) {
        read(slot, now);
      }
    }
  }

  private void connected(Slot slot, long now) {
    slot.key.interestOps(SelectionKey.OP_READ);
    write(slot, now);
  }

  private void write(Slot slot, long now) {
    try {
      slot.channel.write(slot.out);
    } catch (IOException e) {
      ended(slot, Verdict.IO_ERROR, now);
      return;
    }
    slot.key.interestOps(
        slot.out.hasRemaining()
            ? SelectionKey.OP_READ | SelectionKey.OP_WRITE
            : SelectionKey.OP_READ);
  }

  private void read(Slot slot, long now) {
    in.clear();
    int count;
    try {
      count = slot.channel.read(in);
    } catch (IOException e) {
      ended(slot, Verdict.IO_ERROR, now);
      return;
    }
    if (!slot.busy) {
      disconnect(slot); // the server closed (or wrote to) an idle connection
      return;
    }
    if (count < 0) {
      HttpResponseParser.Progress progress = slot.parser.endOfInput();
      if (progress == HttpResponseParser.Progress.COMPLETE) {
        validate(slot, now);
      } else {
        ended(slot, slot.parser.failure(), now);
      }
      return;
    }
    in.flip();
    switch (slot.parser.feed(in)) {
      case COMPLETE -> validate(slot, now);
      case FAILED -> complete(slot, slot.parser.failure(), now, false);
      default -> {}
    }
  }

  /** The connection ended before a complete reply: retry once if it was a stale keep-alive. */
  private void ended(Slot slot, Verdict verdict, long now) {
    if (slot.busy && slot.reused && !slot.retried && !slot.parser.receivedAny()) {
      disconnect(slot);
      slot.retried = true;
      stats.retries++;
      dispatch(slot, now);
      return;
    }
    complete(slot, verdict, now, false);
  }

  private void validate(Slot slot, long now) {
    HttpResponseParser parser = slot.parser;
    Verdict verdict;
    if (slot.scrape) {
      for (int i = 0; i < slot.scrapeCount; i++) {
        asked[i] = hashKeys[workload.scrapeTorrent(slot.scrapeStart, i)];
      }
      verdict =
          validator.checkScrape(
              parser.status(), parser.body(), parser.bodyLength(), asked, slot.scrapeCount);
    } else {
      verdict = validator.checkAnnounce(parser.status(), parser.body(), parser.bodyLength());
    }
    // Bytes after a reply we did not ask for leave the connection in an unknown state.
    boolean keep = parser.keepAlive() && !options.close() && !in.hasRemaining() && open(slot);
    complete(slot, verdict, now, keep);
  }

  /**
   * Whether a kept connection is still open. Some servers (opentracker) close after every reply
   * without saying so; their FIN is usually here already, and spotting it now saves a resend.
   */
  private boolean open(Slot slot) {
    in.clear();
    try {
      return slot.channel.read(in) == 0;
    } catch (IOException e) {
      return false;
    }
  }

  private void complete(Slot slot, Verdict verdict, long now, boolean keepConnection) {
    if (slot.counted) {
      (slot.scrape ? stats.scrape : stats.announce).record(verdict, now - slot.start);
    }
    if (keepConnection) {
      slot.reused = true;
    } else {
      disconnect(slot);
    }
    slot.busy = false;
    busyCount--;
    idle[idleCount++] = slot.index;
  }

  private void sweep(long now, boolean all) {
    for (Slot slot : slots) {
      if (slot.busy && (all || schedule.timedOut(slot.start, now))) {
        complete(slot, Verdict.TIMEOUT, now, false);
      }
    }
  }

  private static void disconnect(Slot slot) {
    if (slot.channel != null) {
      if (slot.key != null) {
        slot.key.cancel();
      }
      try {
        slot.channel.close();
      } catch (IOException e) {
        // nothing left to do with it
      }
      slot.channel = null;
      slot.key = null;
    }
  }
}
