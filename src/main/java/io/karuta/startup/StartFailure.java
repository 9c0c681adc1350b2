package io.karuta.startup;

import io.karuta.config.ConfigException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.logging.LogManager;

/**
 * Ends the process when the tracker fails to start on Payara Micro. There the process is the
 * tracker: a Payara Micro that stays up without its one application answers 500 everywhere, while
 * systemd, Docker, Kubernetes and a person at a terminal all expect a process that failed to start
 * to exit. On Payara Server and WildFly, which host other applications, the failed deployment is
 * reported by the server and nothing more happens.
 *
 * <p>The exit waits {@link #SETTLE_MILLIS} so the server finishes logging the failed deployment,
 * then silences the server's logging and standard streams (its shutdown messages would follow),
 * having written the failure as the last line on standard error, and exits with status 1, so the
 * server's shutdown still removes its runtime directory. If shutting down hangs, the process is
 * halted {@link #HALT_AFTER_MILLIS} later, so it never outlives the failure by more than about 12
 * seconds.
 */
final class StartFailure {
  /** Set by Payara Micro, to the jar it booted from; absent on every other server. */
  static final String PAYARA_MICRO_BOOT_JAR = "fish.payara.micro.BootJar";

  static final long SETTLE_MILLIS = 2_000;
  static final long HALT_AFTER_MILLIS = 10_000;
  static final int EXIT_STATUS = 1;

  private StartFailure() {}

  /**
   * On Payara Micro, ends the process shortly with {@code failure} as the last line; else nothing.
   */
  static void report(Throwable failure) {
    if (System.getProperty(PAYARA_MICRO_BOOT_JAR) == null) {
      return;
    }
    String line = describe(failure);
    // Everything the exit uses is looked up now: once the deployment has failed, the application's
    // class loader is closed and resolves no class any more, not even the JDK's. Plain threads, not
    // managed ones: the application that owns the managed threads is failing.
    LogManager logging = LogManager.getLogManager();
    PrintStream out = System.out;
    PrintStream err = System.err;
    Runtime runtime = Runtime.getRuntime();
    PrintStream silence = new PrintStream(OutputStream.nullOutputStream());
    Thread halt =
        new Thread(
            () -> {
              sleep(HALT_AFTER_MILLIS);
              runtime.halt(EXIT_STATUS);
            },
            "karuta-halt-if-exit-hangs");
    halt.setDaemon(true);
    Thread exit =
        new Thread(
            () -> {
              sleep(SETTLE_MILLIS);
              logging.reset();
              out.flush();
              err.println(line);
              err.flush();
              // The server's shutdown hooks log again, through handlers of their own.
              System.setOut(silence);
              System.setErr(silence);
              halt.start();
              runtime.exit(EXIT_STATUS);
            },
            "karuta-exit-after-failed-start");
    exit.start();
  }

  /**
   * Returns what to tell the operator: the message of the configuration error behind {@code
   * failure} (it names the key and what is allowed), else the innermost cause.
   */
  static String describe(Throwable failure) {
    Throwable innermost = failure;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConfigException) {
        return "Karuta did not start: " + t.getMessage();
      }
      innermost = t;
    }
    return "Karuta did not start: " + innermost;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
