package io.karuta.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The output of a child process (standard output with standard error merged), copied line by line
 * by a daemon thread to a log file, for diagnosis, and to memory, so a test can wait for a line and
 * show the last lines when it fails. Payara Micro's ANSI colours are stripped. Thread-safe.
 */
final class ProcessOutput {
  private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*m");

  private final Process process;
  private final Path log;
  private final BlockingQueue<String> unread = new LinkedBlockingQueue<>();
  private final List<String> all = new ArrayList<>();

  private ProcessOutput(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts copying {@code process}'s output to {@code log} (replaced) and to memory. */
  static ProcessOutput pump(Process process, Path log) throws IOException {
    ProcessOutput output = new ProcessOutput(process, log);
    Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader out =
                      new BufferedReader(
                          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                  file) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  line = ANSI.matcher(line).replaceAll("");
                  file.write(line);
                  file.write('\n');
                  file.flush();
                  output.add(line);
                }
              } catch (IOException e) {
                output.add("pump failed: " + e);
              }
            },
            "output of " + log.getFileName());
    pump.setDaemon(true);
    pump.start();
    return output;
  }

  private void add(String line) {
    synchronized (all) {
      all.add(line);
    }
    unread.add(line);
  }

  /**
   * Takes lines not yet taken until one contains {@code wanted}, and returns it; fails at once if
   * the process ends first, or after {@code timeout}, naming the log file.
   */
  String awaitLine(String wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String line = unread.poll(200, TimeUnit.MILLISECONDS);
      if (line != null && line.contains(wanted)) {
        return line;
      }
      if (line == null && !process.isAlive() && unread.isEmpty()) {
        throw new AssertionError(
            "the process ended with " + process.exitValue() + " before '" + wanted + "'; " + this);
      }
    }
    throw new AssertionError("no '" + wanted + "' within " + timeout.toSeconds() + " s; " + this);
  }

  /** Returns every line so far, joined with newlines. */
  String text() {
    synchronized (all) {
      return String.join("\n", all);
    }
  }

  /** Returns the last {@code count} lines so far, joined with newlines. */
  String tail(int count) {
    synchronized (all) {
      return String.join("\n", all.subList(Math.max(0, all.size() - count), all.size()));
    }
  }

  /** Names the log file and quotes the last lines. */
  @Override
  public String toString() {
    return "see " + log + "; its last lines:\n" + tail(40);
  }
}
