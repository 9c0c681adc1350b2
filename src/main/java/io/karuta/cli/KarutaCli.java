package io.karuta.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code karuta-cli} command: its subcommands, version and error handling. */
@Command(
    name = "karuta-cli",
    mixinStandardHelpOptions = true,
    versionProvider = KarutaCli.Version.class,
    description =
        "Checks and queries BitTorrent trackers over HTTP and UDP; any tracker, not only Karuta.",
    subcommands = {
      E2eCommand.class,
      AnnounceCommand.class,
      ScrapeCommand.class,
      GenkeyCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 all passed, 1 a check or request failed, 2 usage error.",
      "See docs/cli.md."
    })
public final class KarutaCli implements Runnable {
  @Spec CommandSpec spec;

  /** Runs {@code karuta-cli} with {@code args} and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * Returns the command line, ready to {@link CommandLine#execute}: anything unexpected that a
   * command throws is one line on standard error and exit code 1, never a stack trace.
   */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new KarutaCli());
    cli.setExecutionExceptionHandler(
        (exception, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          err.println("karuta-cli: unexpected error: " + exception);
          err.flush();
          return 1;
        });
    return cli;
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "name a command: e2e, announce, scrape or genkey");
  }

  /** The version from the jar's manifest. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = KarutaCli.class.getPackage().getImplementationVersion();
      return new String[] {
        "karuta-cli " + (version == null ? "(version unknown: not run from its jar)" : version)
      };
    }
  }
}
