package io.karuta.it;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Prints what {@code describe} returns (the processes under test, with the end of their logs) when
 * a test of the class fails; register it with {@code @RegisterExtension}.
 */
final class LogsOnFailure implements TestWatcher {
  private final String testClass;
  private final Supplier<String> describe;

  LogsOnFailure(String testClass, Supplier<String> describe) {
    this.testClass = testClass;
    this.describe = describe;
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    System.err.println(testClass + " failed; " + describe.get());
  }
}
