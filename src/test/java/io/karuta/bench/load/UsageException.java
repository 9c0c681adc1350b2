package io.karuta.bench.load;

/** A command line that cannot be run; the message names the option and what to write instead. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
