package io.karuta.cli.e2e;

/** One check of a run did not hold; the message is the verdict's fixed text. */
final class CheckFailure extends Exception {
  private static final long serialVersionUID = 1L;

  CheckFailure(String message) {
    super(message, null, false, false);
  }
}
