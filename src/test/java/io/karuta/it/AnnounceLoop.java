package io.karuta.it;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

/**
 * Announces to one tracker over and over on its own thread, and sorts each reply: a valid announce,
 * the one fixed failure the test expects (by default the Redis store's outage failure), or anything
 * else (a wrong reply, an error, a timeout). Used while Redis hangs, or is killed and restarted,
 * under the tracker, and while a hook's list changes.
 */
final class AnnounceLoop {
  /** The store's outage failure over HTTP: the fixed text and BEP 31's {@code retry in} 1. */
  static final String HTTP_UNAVAILABLE =
      "d14:failure reason44:tracker storage unavailable, try again later8:retry ini1ee";

  /** The store's outage failure over UDP: the same text in a BEP 15 error, without a retry. */
  static final String UDP_UNAVAILABLE = "tracker storage unavailable, try again later";

  /** How one reply was sorted. */
  enum Kind {
    ANNOUNCED,
    /** The loop's expected fixed failure. */
    REFUSED,
    WRONG
  }

  /** One request: when it was sent ({@link System#nanoTime}), how long it took, what came back. */
  record Outcome(long sentNanos, long millis, Kind kind, String detail) {}

  private final String name;
  private final Supplier<Outcome> request;
  private final List<Outcome> outcomes = new ArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  private AnnounceLoop(String name, Supplier<Outcome> request) {
    this.name = name;
    this.request = request;
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts announcing one peer of a fresh torrent over HTTP. */
  static AnnounceLoop http(String name, TrackerClient tracker) {
    return http(
        name,
        tracker,
        "/announce?" + Announce.fresh().left(0).query(),
        HTTP_UNAVAILABLE,
        interval -> interval == 1800);
  }

  /**
   * Starts sending {@code GET <pathAndQuery>} (an announce) over HTTP; a reply whose body is {@code
   * refused} is the expected failure, and an announce counts only if {@code interval} accepts its
   * {@code interval}.
   */
  static AnnounceLoop http(
      String name,
      TrackerClient tracker,
      String pathAndQuery,
      String refused,
      LongPredicate interval) {
    return new AnnounceLoop(
        name, () -> timed(() -> sortHttp(tracker.get(pathAndQuery), refused, interval)));
  }

  /** Starts announcing one peer of a fresh torrent over UDP, with one connection ID. */
  static AnnounceLoop udp(String name, UdpTrackerClient tracker) {
    return udp(name, tracker, Announce.randomInfoHash(), new byte[0], UDP_UNAVAILABLE);
  }

  /**
   * Starts announcing one peer of {@code infoHash} over UDP, with one connection ID and {@code
   * options} (BEP 41) after the announce; an error whose text is {@code refused} is the expected
   * failure.
   */
  static AnnounceLoop udp(
      String name, UdpTrackerClient tracker, byte[] infoHash, byte[] options, String refused) {
    long connectionId = tracker.connect();
    return new AnnounceLoop(
        name,
        () -> {
          int transaction = ThreadLocalRandom.current().nextInt();
          byte[] datagram =
              UdpTrackerClient.announce(
                  connectionId,
                  transaction,
                  infoHash,
                  "-KR0001-000000000077",
                  0,
                  0,
                  10,
                  7077,
                  options);
          return timed(() -> sortUdp(tracker.exchange(datagram), transaction, refused));
        });
  }

  private void run() {
    while (running) {
      Outcome outcome = request.get();
      synchronized (outcomes) {
        outcomes.add(outcome);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Returns the outcomes of the requests sent at or after {@code sinceNanos}. */
  List<Outcome> since(long sinceNanos) {
    return all().stream().filter(o -> o.sentNanos() - sinceNanos >= 0).toList();
  }

  private List<Outcome> all() {
    synchronized (outcomes) {
      return List.copyOf(outcomes);
    }
  }

  /**
   * Counts the requests sent at or after {@code sinceNanos} whose reply was of {@code kind}; fails
   * at once, with the reply, if any reply so far was wrong.
   */
  long count(long sinceNanos, Kind kind) {
    all().stream()
        .filter(o -> o.kind() == Kind.WRONG)
        .findFirst()
        .ifPresent(
            o -> {
              throw new AssertionError(
                  name + ": neither an announce nor the fixed failure: " + o.detail());
            });
    return since(sinceNanos).stream().filter(o -> o.kind() == kind).count();
  }

  /** Returns this loop's name and its tallies, for failure messages. */
  @Override
  public String toString() {
    List<Outcome> all = all();
    return name
        + ": "
        + all.size()
        + " requests, "
        + Arrays.stream(Kind.values())
            .map(k -> k + " " + all.stream().filter(o -> o.kind() == k).count())
            .toList();
  }

  /** Stops the loop and waits for its last request. */
  void stop() throws InterruptedException {
    running = false;
    thread.join(15_000);
  }

  private static Outcome timed(Supplier<Outcome> exchange) {
    long sent = System.nanoTime();
    Outcome sorted;
    try {
      sorted = exchange.get();
    } catch (RuntimeException | AssertionError e) {
      sorted = new Outcome(0, 0, Kind.WRONG, e.toString());
    }
    return new Outcome(
        sent, (System.nanoTime() - sent) / 1_000_000, sorted.kind(), sorted.detail());
  }

  private static Outcome sortHttp(
      TrackerClient.Reply reply, String refused, LongPredicate interval) {
    String body = new String(reply.body(), StandardCharsets.ISO_8859_1);
    if (reply.status() != 200) {
      return wrong("HTTP " + reply.status() + ": " + body);
    }
    if (body.equals(refused)) {
      return new Outcome(0, 0, Kind.REFUSED, body);
    }
    Map<String, Object> dict = reply.dict();
    boolean announced =
        !dict.containsKey("failure reason")
            && dict.get("interval") instanceof Long seconds
            && interval.test(seconds)
            && dict.get("peers") instanceof byte[];
    return announced ? new Outcome(0, 0, Kind.ANNOUNCED, "") : wrong(body);
  }

  private static Outcome sortUdp(byte[] reply, int transaction, String refused) {
    ByteBuffer in = ByteBuffer.wrap(reply);
    if (reply.length < 8 || in.getInt(4) != transaction) {
      return wrong("UDP reply without the transaction ID: " + Arrays.toString(reply));
    }
    if (in.getInt(0) == 1 && reply.length >= 20 && (reply.length - 20) % 6 == 0) {
      return new Outcome(0, 0, Kind.ANNOUNCED, "");
    }
    String text = new String(reply, 8, reply.length - 8, StandardCharsets.UTF_8);
    if (in.getInt(0) == 3 && text.equals(refused)) {
      return new Outcome(0, 0, Kind.REFUSED, text);
    }
    return wrong("UDP action " + in.getInt(0) + ": " + text);
  }

  private static Outcome wrong(String detail) {
    return new Outcome(0, 0, Kind.WRONG, detail);
  }
}
