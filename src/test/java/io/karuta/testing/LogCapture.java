package io.karuta.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects the records one java.util.logging logger publishes while open. Thread-safe: records may
 * come from another thread, such as a scheduler's.
 */
public final class LogCapture extends Handler implements AutoCloseable {
  private final Logger logger;
  private final Level previousLevel;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();

  private LogCapture(Logger logger, Level loggerLevel) {
    this.logger = logger;
    this.previousLevel = logger.getLevel();
    setLevel(Level.ALL);
    logger.setLevel(loggerLevel);
    logger.addHandler(this);
  }

  /** Starts capturing the records of the logger named after {@code type}. */
  public static LogCapture of(Class<?> type) {
    Logger logger = Logger.getLogger(type.getName());
    return new LogCapture(logger, logger.getLevel());
  }

  /**
   * Starts capturing the records of the logger named after {@code type} from FINE up, lowering the
   * logger's level until {@link #close()}.
   */
  public static LogCapture ofFine(Class<?> type) {
    return new LogCapture(Logger.getLogger(type.getName()), Level.FINE);
  }

  /** Returns the messages captured at {@code level}, in order. */
  public List<String> messages(Level level) {
    return records.stream()
        .filter(r -> r.getLevel().equals(level))
        .map(LogRecord::getMessage)
        .toList();
  }

  @Override
  public void publish(LogRecord logRecord) {
    records.add(logRecord);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
    logger.setLevel(previousLevel);
  }
}
