package io.karuta.cli;

import io.karuta.cli.client.ClientSettings;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options every command that talks to a tracker has: how long to wait, how often to try. */
final class NetworkOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "2s",
      converter = Converters.WholeDuration.class,
      description = "How long one attempt waits for the tracker (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--attempts",
      paramLabel = "N",
      defaultValue = "3",
      description =
          "How often a UDP request is sent before the tracker counts as unreachable"
              + " (default: ${DEFAULT-VALUE}). HTTP sends each request once.")
  int attempts;

  /** Returns the settings, or a usage error for values out of range. */
  ClientSettings settings() {
    if (timeout.isZero()) {
      throw new ParameterException(spec.commandLine(), "--timeout must be more than 0");
    }
    if (attempts < 1) {
      throw new ParameterException(spec.commandLine(), "--attempts must be at least 1");
    }
    return new ClientSettings(timeout, attempts);
  }
}
