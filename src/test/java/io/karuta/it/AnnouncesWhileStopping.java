package io.karuta.it;

import io.karuta.bittorrent.bencode.BencodeReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * HTTP announces sent back to back from a few threads while a tracker stops, each recorded with the
 * time it was sent and how it ended. Bounded: each request gives up after 5 s, and the threads end
 * at {@link #close} or after 60 s.
 */
final class AnnouncesWhileStopping implements AutoCloseable {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
  private static final long LONGEST_NANOS = Duration.ofSeconds(60).toNanos();

  /** How one request ended. */
  enum Kind {
    /** A complete 200 reply with an announce (an interval, no failure reason). */
    ANNOUNCED,
    /** A complete reply with status 500 or 503: the server turned the request away. */
    TURNED_AWAY,
    /** No reply: the connection was refused, or closed before any reply came. */
    NOT_CONNECTED,
    /** Anything else: another status, a reply that is no announce, or no reply in time. */
    WRONG
  }

  /** One request: when it was sent ({@link System#nanoTime}) and how it ended. */
  record Outcome(long sentNanos, Kind kind, String detail) {}

  private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean stopped;

  private AnnouncesWhileStopping() {}

  /** Starts {@code threadCount} threads announcing to {@code 127.0.0.1:port}. */
  static AnnouncesWhileStopping start(int port, int threadCount) {
    AnnouncesWhileStopping load = new AnnouncesWhileStopping();
    Announce torrent = Announce.fresh();
    for (int i = 0; i < threadCount; i++) {
      Announce announce = torrent.peer(i + 1, 40000 + i);
      URI uri = URI.create("http://127.0.0.1:" + port + "/announce?" + announce.query());
      Thread thread = new Thread(() -> load.announce(uri), "announces while stopping " + i);
      thread.setDaemon(true);
      load.threads.add(thread);
      thread.start();
    }
    return load;
  }

  private void announce(URI uri) {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(REQUEST_TIMEOUT)
            .build();
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
    long begun = System.nanoTime();
    while (!stopped && System.nanoTime() - begun < LONGEST_NANOS) {
      long sent = System.nanoTime();
      Outcome outcome;
      try {
        HttpResponse<byte[]> response =
            client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        outcome = new Outcome(sent, classify(response), "HTTP " + response.statusCode());
      } catch (HttpTimeoutException e) {
        outcome = new Outcome(sent, Kind.WRONG, "no reply within 5 s: " + e);
      } catch (IOException e) {
        outcome = new Outcome(sent, Kind.NOT_CONNECTED, e.toString());
      } catch (InterruptedException e) {
        return;
      }
      outcomes.add(outcome);
      if (outcome.kind() == Kind.NOT_CONNECTED) {
        pause();
      }
    }
  }

  private static Kind classify(HttpResponse<byte[]> response) {
    int status = response.statusCode();
    if (status == 500 || status == 503) {
      return Kind.TURNED_AWAY;
    }
    if (status != 200) {
      return Kind.WRONG;
    }
    try {
      Map<?, ?> reply = (Map<?, ?>) BencodeReader.decode(response.body());
      return reply.containsKey("interval") && !reply.containsKey("failure reason")
          ? Kind.ANNOUNCED
          : Kind.WRONG;
    } catch (RuntimeException notBencode) {
      return Kind.WRONG;
    }
  }

  // A stopped server refuses at once: without a pause, the loop would only count refusals.
  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Returns the number of requests that ended as {@code kind} so far. */
  long count(Kind kind) {
    return outcomes.stream().filter(o -> o.kind() == kind).count();
  }

  /** Returns every outcome so far, in the order they ended. */
  List<Outcome> outcomes() {
    return List.copyOf(outcomes);
  }

  /** Stops the threads and waits for them (each ends within one request's timeout). */
  @Override
  public void close() throws InterruptedException {
    stopped = true;
    for (Thread thread : threads) {
      thread.join(REQUEST_TIMEOUT.toMillis() + 1000);
    }
  }
}
