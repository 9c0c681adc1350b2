package io.karuta.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.config.ConfigException;
import io.karuta.config.Options;
import io.karuta.testing.HookOptions;
import io.karuta.testing.LogCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reloadable list file: its format, start errors, change detection and failure handling. */
class ReloadingFileTest {
  private static final String PREFIX = HookOptions.PREFIX;

  @TempDir Path dir;
  private Path file;
  private LogCapture log;

  @BeforeEach
  void setUp() {
    file = dir.resolve("list.txt");
    log = LogCapture.of(ReloadingFile.class);
  }

  @AfterEach
  void tearDown() {
    log.close();
  }

  /** Entries are words of lower-case letters; anything else is a bad entry. */
  private static String word(String text) {
    if (!text.matches("[a-z]+")) {
      throw new IllegalArgumentException("'" + text + "' is not a word");
    }
    return text;
  }

  private ReloadingFile<Set<String>> open(String... extraOptions) {
    List<String> options = new ArrayList<>(List.of("file", file.toString()));
    options.addAll(List.of(extraOptions));
    return ReloadingFile.open(
        "word file",
        HookOptions.of(options.toArray(String[]::new)),
        "file",
        ReloadingFileTest::word,
        Function.identity());
  }

  private void write(String content) throws IOException {
    Path temporary = dir.resolve("list.tmp");
    Files.writeString(temporary, content);
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
  }

  @Test
  void readsOneEntryPerLineSkippingCommentsBlanksAndAByteOrderMark() throws IOException {
    write("\uFEFFalpha\r\n# a comment\n\n  beta  # trailing comment\r\ngamma\n#\nalpha\n");

    ReloadingFile<Set<String>> list = open();

    assertEquals(Set.of("alpha", "beta", "gamma"), list.current());
    assertEquals(List.of("word file " + file + ": loaded 3 entries"), log.messages(Level.INFO));
    assertEquals(Duration.ofSeconds(5), list.interval(), "the default interval");
  }

  @Test
  void anEmptyFileIsAnEmptyList() throws IOException {
    write("# nothing yet\n");

    assertEquals(Set.of(), open().current());
  }

  @Test
  void aMissingFileStopsTheStartNamingTheOption() {
    ConfigException e = assertThrows(ConfigException.class, this::open);

    assertEquals(PREFIX + "file: cannot read " + file + " (no such file)", e.getMessage());
  }

  @Test
  void aBadEntryStopsTheStartNamingTheOptionAndTheLine() throws IOException {
    write("alpha\n\nBeta\n");

    ConfigException e = assertThrows(ConfigException.class, this::open);

    assertEquals(PREFIX + "file: " + file + " line 3: 'Beta' is not a word", e.getMessage());
  }

  @Test
  void aBlankPathOrATooShortIntervalStopsTheStart() throws IOException {
    write("alpha\n");
    Options blank = Options.of(Map.of("file", " "));
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ReloadingFile.open("word file", blank, "file", s -> s, Function.identity()));
    assertEquals("file: missing; the path of the file", e.getMessage());

    e = assertThrows(ConfigException.class, () -> open("reload_interval", "500ms"));
    assertTrue(e.getMessage().startsWith(PREFIX + "reload_interval: '500ms' is out of range"));
    assertEquals(Duration.ofSeconds(1), open("reload_interval", "1s").interval());
  }

  @Test
  void aPollWithoutChangeKeepsTheSameValueAndATouchDoesNotReparse() throws IOException {
    write("alpha\n");
    ReloadingFile<Set<String>> list = open();
    Set<String> first = list.current();

    assertFalse(list.poll());
    Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    assertFalse(list.poll(), "same content, new time: nothing new");

    assertSame(first, list.current());
    assertEquals(1, log.messages(Level.INFO).size(), "loaded once");
  }

  @Test
  void aChangeOfTheSameSizeAndTimeRightAfterAReadIsSeen() throws IOException {
    write("alpha\n");
    ReloadingFile<Set<String>> list = open();
    FileTime time = Files.getLastModifiedTime(file);

    Files.writeString(file, "gamma\n"); // in place: same inode, same size
    Files.setLastModifiedTime(file, time);

    assertTrue(list.poll());
    assertEquals(Set.of("gamma"), list.current());
  }

  @Test
  void aBrokenFileKeepsTheListAndWarnsOnceNamingFileAndLine() throws IOException {
    write("alpha\n");
    ReloadingFile<Set<String>> list = open();
    Set<String> first = list.current();

    write("beta\n# fine so far\nnot a word\n");
    for (int i = 0; i < 3; i++) {
      assertFalse(list.poll());
      Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + i));
    }

    assertSame(first, list.current());
    assertEquals(
        List.of(
            "word file "
                + file
                + " line 3: 'not a word' is not a word; keeping the previous list (1 entry)"),
        log.messages(Level.WARNING));

    write("beta\n");
    assertTrue(list.poll());
    assertEquals(Set.of("beta"), list.current());
    assertEquals(1, log.messages(Level.WARNING).size());
  }

  @Test
  void eachNewBrokenVersionWarnsOnce() throws IOException {
    write("alpha\n");
    ReloadingFile<Set<String>> list = open();

    write("X\n");
    list.poll();
    write("Y\n");
    list.poll();
    list.poll();

    assertEquals(2, log.messages(Level.WARNING).size(), () -> log.messages(Level.WARNING) + "");
    assertEquals(Set.of("alpha"), list.current());
  }

  @Test
  void aDeletedFileKeepsTheListAndWarnsOnceUntilItComesBack() throws IOException {
    write("alpha\n");
    ReloadingFile<Set<String>> list = open();

    Files.delete(file);
    assertFalse(list.poll());
    assertFalse(list.poll());
    assertEquals(
        List.of(
            "word file "
                + file
                + ": cannot read (no such file); keeping the previous list (1 entry)"),
        log.messages(Level.WARNING));
    assertEquals(Set.of("alpha"), list.current());

    write("alpha\n");
    assertFalse(list.poll(), "the same content: nothing new to install");
    assertTrue(
        log.messages(Level.INFO).contains("word file " + file + ": readable again, unchanged"));
    Files.delete(file);
    list.poll();
    assertEquals(2, log.messages(Level.WARNING).size(), "a new outage is told again");
  }

  @Test
  void scheduledPollsPickUpAChangeAndStopWhenClosed() throws Exception {
    write("alpha\n");
    ReloadingFile<Set<String>> list = open("reload_interval", "1s");
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);
    executor.setRemoveOnCancelPolicy(true);
    try {
      list.start(executor);
      assertThrows(IllegalStateException.class, () -> list.start(executor));
      write("beta\n");

      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!list.current().equals(Set.of("beta")) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(Set.of("beta"), list.current());

      assertEquals(1, executor.getQueue().size());
      list.close();
      assertEquals(0, executor.getQueue().size(), "the poll task is cancelled");
    } finally {
      executor.shutdownNow();
    }
  }
}
