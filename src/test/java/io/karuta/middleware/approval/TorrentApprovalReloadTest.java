package io.karuta.middleware.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.Params;
import io.karuta.bittorrent.Scrape;
import io.karuta.logic.TrackerLogic;
import io.karuta.middleware.ReloadingFile;
import io.karuta.testing.LogCapture;
import io.karuta.testing.Requests;
import io.karuta.testing.TrackerContainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The torrent approval file changed while announces run on other threads, in a real container with
 * the real scheduler: the behaviour switches within a bounded time, the switch is atomic (no thread
 * ever sees a mix of the old and the new list), no request fails with anything but the expected
 * refusal, and a broken file later keeps the list with a single warning.
 */
class TorrentApprovalReloadTest {
  private static final InfoHash A = InfoHash.fromHex(TorrentApprovalHookTest.A);
  private static final InfoHash B = InfoHash.fromHex(TorrentApprovalHookTest.B);
  private static final int THREADS = 4;
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void theListSwitchesAtomicallyUnderLoadAndABrokenFileKeepsIt() throws Exception {
    Path file = dir.resolve("approved.txt");
    replace(file, A + "\n");
    WeldContainer container =
        TrackerContainer.start(
            Map.of(
                "karuta.prehooks[0].name", "torrent approval",
                "karuta.prehooks[0].options.file", file.toString(),
                "karuta.prehooks[0].options.mode", "whitelist",
                "karuta.prehooks[0].options.reload_interval", "1s"),
            TorrentApprovalHook.class);
    Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
    AtomicIntegerArray oldAnswers = new AtomicIntegerArray(THREADS);
    AtomicIntegerArray newAnswers = new AtomicIntegerArray(THREADS);
    AtomicBoolean running = new AtomicBoolean(true);
    List<Thread> threads = new ArrayList<>();
    try (LogCapture log = LogCapture.of(ReloadingFile.class)) {
      TrackerLogic logic = container.select(TrackerLogic.class).get();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        Runnable announcer =
            () -> {
              for (long n = 0; running.get(); n++) {
                InfoHash infoHash = n % 2 == 0 ? A : B;
                String peer = String.format("-KR0001-%06d%06d", thread, n % 1000);
                boolean answered;
                try {
                  logic.afterReply(logic.announce(Requests.announce(infoHash, peer, "")));
                  answered = true;
                } catch (ClientError e) {
                  if (e != TorrentApprovalHook.UNAPPROVED_TORRENT) {
                    note(unexpected, e);
                  }
                  answered = false;
                } catch (RuntimeException | Error e) {
                  note(unexpected, e);
                  continue;
                }
                // A answered or B refused: the old list; A refused or B answered: the new one.
                if (answered == infoHash.equals(A)) {
                  if (newAnswers.get(thread) > 0) {
                    note(unexpected, new AssertionError("thread " + thread + " saw the old list"));
                  }
                  oldAnswers.incrementAndGet(thread);
                } else {
                  newAnswers.incrementAndGet(thread);
                }
              }
            };
        Thread worker = new Thread(announcer, "announcer-" + t);
        worker.start();
        threads.add(worker);
      }
      awaitTrue("every thread answered under the old list", () -> atLeast(oldAnswers, 200));

      replace(file, "# the list is now B\n" + B + "\n");
      awaitTrue("every thread sees the new list", () -> atLeast(newAnswers, 200));

      replace(file, B + "\nnot-a-hash\n");
      awaitTrue("the broken file was noticed", () -> !log.messages(Level.WARNING).isEmpty());
      int answersBefore = newAnswers.get(0);
      // Let several more polls pass over the broken file; this waits, it does not time anything.
      Thread.sleep(3_000);
      awaitTrue("requests kept coming", () -> newAnswers.get(0) > answersBefore + 100);

      running.set(false);
      for (Thread thread : threads) {
        thread.join();
      }
      assertEquals(List.of(), List.copyOf(unexpected));
      for (int t = 0; t < THREADS; t++) {
        assertTrue(oldAnswers.get(t) > 0 && newAnswers.get(t) > 0, "thread " + t);
      }
      assertEquals(
          List.of(
              "torrent approval file "
                  + file
                  + " line 2: invalid hash not-a-hash; keeping the previous list (1 entry)"),
          log.messages(Level.WARNING));

      List<Scrape> scrape = logic.scrape(Requests.scrape(Params.empty(), A, B)).response().files();
      assertEquals(Scrape.empty(A), scrape.get(0), "A is no longer approved: zero, not refused");
      assertTrue(scrape.get(1).incomplete() > 0, "B has the peers that announced: " + scrape);
    } finally {
      running.set(false);
      container.shutdown();
    }
  }

  /** Writes {@code content} to a new file and renames it over {@code file}, as docs advise. */
  private void replace(Path file, String content) throws IOException {
    Path temporary = dir.resolve("next.tmp");
    Files.writeString(temporary, content);
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Keeps the first few failures: enough to diagnose, without flooding the report. */
  private static void note(Queue<Throwable> failures, Throwable failure) {
    if (failures.size() < 10) {
      failures.add(failure);
    }
  }

  private static boolean atLeast(AtomicIntegerArray counts, int minimum) {
    for (int i = 0; i < counts.length(); i++) {
      if (counts.get(i) < minimum) {
        return false;
      }
    }
    return true;
  }

  private static void awaitTrue(String what, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + PATIENCE + ": " + what);
      }
      Thread.sleep(20);
    }
  }
}
