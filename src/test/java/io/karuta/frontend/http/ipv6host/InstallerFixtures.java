package io.karuta.frontend.http.ipv6host;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** What the tests of the installers need: a bare servlet context, and their log records. */
public final class InstallerFixtures {
  private InstallerFixtures() {}

  /** A servlet context that has a class loader and fails the test on any other call. */
  public static ServletContext contextWith(ClassLoader loader) {
    return (ServletContext)
        Proxy.newProxyInstance(
            ServletContext.class.getClassLoader(),
            new Class<?>[] {ServletContext.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getClassLoader")) {
                return loader;
              }
              return fail("unexpected call: " + method);
            });
  }

  /** Runs {@code action} and returns what it logged to the logger named after {@code type}. */
  public static List<LogRecord> logged(Class<?> type, Runnable action) {
    List<LogRecord> records = new ArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger logger = Logger.getLogger(type.getName());
    logger.addHandler(handler);
    try {
      action.run();
    } finally {
      logger.removeHandler(handler);
    }
    return records;
  }
}
