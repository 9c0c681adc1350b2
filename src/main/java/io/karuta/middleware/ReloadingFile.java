package io.karuta.middleware;

import io.karuta.config.ConfigException;
import io.karuta.config.Options;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A list a hook reads from a text file named in its options, read again whenever the file changes:
 * the source of torrent approval's {@code file} and of the passkey file, and usable by any hook.
 *
 * <p><b>Format.</b> UTF-8 text, one entry per line; {@code #} starts a comment that runs to the end
 * of the line; blanks around an entry are dropped; empty lines are skipped. The caller's entry
 * parser decides what a valid entry is.
 *
 * <p><b>Reloading.</b> Every {@value #RELOAD_INTERVAL} option (default 5s) {@link #poll()} looks at
 * the file's modification time, size and identity (inode), and reads the file only when one of them
 * changed, or when the last read came so soon after a modification that a second write within the
 * file system's time resolution could have gone unseen (git's "racily clean" rule). A read whose
 * content has the same SHA-256 as the content already read changes nothing. New content is parsed
 * into a new immutable value, which then replaces the old one in one volatile write: a request sees
 * the old list or the new one, never a mix, and never waits for a read.
 *
 * <p><b>Failures.</b> A file that is missing or has a bad entry when the hook is configured stops
 * the start ({@link ConfigException} naming the option and the line). Later, a file that cannot be
 * read or has a bad entry leaves the value in force, and logs one warning naming the file (and the
 * line) per problem: not per request and not per poll. Writers should replace the file atomically
 * (write a temporary file, then rename it over the old one); a read that overlaps a write in place
 * is discarded when the size or time changed during the read, and retried at the next poll.
 *
 * <p>A CDI bean polls its files through an injected {@link ReloadingFiles}, which stops the polls
 * when the bean is destroyed.
 *
 * <p>Thread-safe: {@link #current()} is a volatile read; polls are serialised.
 *
 * @param <T> what the entries are turned into, such as an immutable set; must be immutable
 */
public final class ReloadingFile<T> implements AutoCloseable {
  /** The option that sets the pause between two polls. */
  public static final String RELOAD_INTERVAL = "reload_interval";

  /** The pause between two polls unless {@value #RELOAD_INTERVAL} says otherwise. */
  public static final Duration DEFAULT_RELOAD_INTERVAL = Duration.ofSeconds(5);

  /** The shortest pause allowed: polling more often only burns disk reads. */
  public static final Duration MIN_RELOAD_INTERVAL = Duration.ofSeconds(1);

  private static final Duration MAX_RELOAD_INTERVAL = Duration.ofHours(24);

  /**
   * How close to a modification a read may be for a later write within the same time-stamp
   * granularity to go unseen: 2s covers FAT's and some network file systems' resolution.
   */
  private static final Duration RACY_WINDOW = Duration.ofSeconds(2);

  private static final Logger LOG = Logger.getLogger(ReloadingFile.class.getName());

  private final String label;
  private final Path path;
  private final Duration interval;
  private final Parser<T> parser;

  private volatile T current;

  // The fields below belong to polls, which hold the lock.
  private Stamp stamp;
  private boolean racy;
  private byte[] contentDigest;

  /** The problem of the content last read, or null if it is the one in force. */
  private String contentProblem;

  /** The problem last logged, or null while the file is readable and its content in force. */
  private String problem;

  private int count;
  private ScheduledFuture<?> task;

  private ReloadingFile(String label, Path path, Duration interval, Parser<T> parser) {
    this.label = label;
    this.path = path;
    this.interval = interval;
    this.parser = parser;
  }

  /**
   * Reads the file named by option {@code fileKey} and the option {@value #RELOAD_INTERVAL}; does
   * not poll until {@link #start}.
   *
   * @param label what the file is, for log messages, such as {@code torrent approval file}
   * @param options the hook's options; the caller checks that {@code fileKey} is set
   * @param fileKey the option holding the path
   * @param entry parses one entry; throws {@link IllegalArgumentException} with a message that
   *     names the problem (it is logged, so it must not show a secret entry)
   * @param build turns the set of entries into the value requests read
   * @param <E> the type of one entry
   * @throws ConfigException naming the option when the file cannot be read, an entry is bad, or the
   *     interval is out of range
   */
  public static <E, T> ReloadingFile<T> open(
      String label,
      Options options,
      String fileKey,
      Function<String, E> entry,
      Function<Set<E>, T> build) {
    Duration interval =
        options.duration(
            RELOAD_INTERVAL, DEFAULT_RELOAD_INTERVAL, MIN_RELOAD_INTERVAL, MAX_RELOAD_INTERVAL);
    String key = options.prefix() + fileKey;
    String text = options.optionalString(fileKey).orElse("").trim();
    if (text.isEmpty()) {
      throw new ConfigException(key + ": missing; the path of the file");
    }
    Path path = Path.of(text);
    ReloadingFile<T> file = new ReloadingFile<>(label, path, interval, lines(entry, build));
    try {
      file.firstRead();
    } catch (IOException e) {
      throw new ConfigException(key + ": cannot read " + path + " (" + describe(e) + ")");
    } catch (BadLine e) {
      throw new ConfigException(key + ": " + path + " line " + e.line + ": " + e.getMessage());
    }
    return file;
  }

  /** Returns the value of the content in force. */
  public T current() {
    return current;
  }

  /** Returns the file, as the option names it. */
  public Path path() {
    return path;
  }

  /** Returns the pause between two polls. */
  public Duration interval() {
    return interval;
  }

  /** Starts polling on {@code executor} every {@link #interval()}, until {@link #close()}. */
  public synchronized void start(ScheduledExecutorService executor) {
    if (task != null) {
      throw new IllegalStateException("already polling " + path);
    }
    long millis = interval.toMillis();
    task = executor.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Returns whether polls are scheduled: after {@link #start}, before {@link #close()}. */
  public synchronized boolean polling() {
    return task != null && !task.isDone();
  }

  /** Stops polling; the value in force stays readable. */
  @Override
  public synchronized void close() {
    if (task != null) {
      task.cancel(false);
    }
  }

  /**
   * Looks at the file once and reads it if it may have changed, as the scheduled polls do.
   *
   * @return whether a new value came into force
   */
  public synchronized boolean poll() {
    try {
      return check();
    } catch (RuntimeException e) {
      // An exception would end the scheduled polls for good.
      LOG.log(Level.WARNING, e, () -> label + " " + path + ": reading failed");
      return false;
    }
  }

  private boolean check() {
    Stamp before;
    byte[] content;
    Instant readStarted = Instant.now();
    try {
      before = Stamp.of(path);
      if (before.equals(stamp) && !racy) {
        return false;
      }
      content = Files.readAllBytes(path);
      if (!Stamp.of(path).equals(before)) {
        return false; // written while being read: the next poll reads it again
      }
    } catch (IOException e) {
      report(label + " " + path + ": cannot read (" + describe(e) + ")");
      return false;
    }
    stamp = before;
    racy = !before.modified().toInstant().isBefore(readStarted.minus(RACY_WINDOW));
    byte[] digest = sha256(content);
    if (Arrays.equals(digest, contentDigest)) {
      report(contentProblem);
      return false;
    }
    contentDigest = digest;
    try {
      install(content);
    } catch (BadLine e) {
      contentProblem = label + " " + path + " line " + e.line + ": " + e.getMessage();
      problem = null; // new content: warn even if the text is the same as for older content
      report(contentProblem);
      return false;
    }
    contentProblem = null;
    problem = null;
    LOG.info(() -> label + " " + path + ": loaded " + entries(count));
    return true;
  }

  private void firstRead() throws IOException {
    stamp = Stamp.of(path);
    Instant readStarted = Instant.now();
    byte[] content = Files.readAllBytes(path);
    racy = !stamp.modified().toInstant().isBefore(readStarted.minus(RACY_WINDOW));
    contentDigest = sha256(content);
    install(content);
    LOG.info(() -> label + " " + path + ": loaded " + entries(count));
  }

  private void install(byte[] content) {
    Parsed<T> parsed = parser.parse(content);
    count = parsed.count();
    current = parsed.value();
  }

  /** Logs {@code newProblem} unless it is the one last logged; {@code null} means all is well. */
  private void report(String newProblem) {
    if (Objects.equals(newProblem, problem)) {
      return;
    }
    if (newProblem == null) {
      LOG.info(() -> label + " " + path + ": readable again, unchanged");
    } else {
      LOG.warning(newProblem + "; keeping the previous list (" + entries(count) + ")");
    }
    problem = newProblem;
  }

  private static <E, T> Parser<T> lines(Function<String, E> entry, Function<Set<E>, T> build) {
    return content -> {
      String text = new String(content, StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1); // a byte-order mark some editors write
      }
      List<String> lines = text.lines().toList();
      Set<E> entries = new HashSet<>();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        int hash = line.indexOf('#');
        String value = (hash < 0 ? line : line.substring(0, hash)).strip();
        if (value.isEmpty()) {
          continue;
        }
        try {
          entries.add(entry.apply(value));
        } catch (IllegalArgumentException e) {
          throw new BadLine(i + 1, e.getMessage());
        }
      }
      return new Parsed<>(build.apply(Set.copyOf(entries)), entries.size());
    };
  }

  private static String entries(int count) {
    return count == 1 ? "1 entry" : count + " entries";
  }

  private static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static byte[] sha256(byte[] content) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Turns a file's bytes into a value, or throws {@link BadLine}. */
  @FunctionalInterface
  private interface Parser<T> {
    Parsed<T> parse(byte[] content);
  }

  private record Parsed<T>(T value, int count) {}

  /** What identifies one version of the file without reading it. */
  private record Stamp(FileTime modified, long size, Object fileKey) {
    static Stamp of(Path path) throws IOException {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      if (!attributes.isRegularFile()) {
        throw new IOException("not a regular file");
      }
      return new Stamp(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
    }
  }

  /** An entry the parser refused, with its line number (from 1). */
  private static final class BadLine extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int line;

    BadLine(int line, String problem) {
      super(problem, null, false, false);
      this.line = line;
    }
  }
}
