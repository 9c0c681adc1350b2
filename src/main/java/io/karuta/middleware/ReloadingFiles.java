package io.karuta.middleware;

import io.karuta.container.Maintenance;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The {@link ReloadingFile}s of one bean, polled on the {@link Maintenance} scheduler until the
 * bean is destroyed. Inject it into a {@code @Dependent} hook (or a bean the hook holds): it is
 * destroyed with its owner, which stops the polls, so an undeployed application leaves no task on
 * the container's scheduler.
 */
@Dependent
public class ReloadingFiles {
  @Inject @Maintenance ScheduledExecutorService maintenance;

  private final List<ReloadingFile<?>> files = new ArrayList<>();

  /** Creates an instance for a test without a container, polling on {@code scheduler}. */
  public static ReloadingFiles on(ScheduledExecutorService scheduler) {
    ReloadingFiles files = new ReloadingFiles();
    files.maintenance = scheduler;
    return files;
  }

  /**
   * Polls {@code file} (just {@linkplain ReloadingFile#open opened}) until the owner is destroyed.
   *
   * @return {@code file}
   */
  public synchronized <T> ReloadingFile<T> watch(ReloadingFile<T> file) {
    file.start(maintenance);
    files.add(file);
    return file;
  }

  /** Returns whether any file is still polled. */
  public synchronized boolean polling() {
    return files.stream().anyMatch(ReloadingFile::polling);
  }

  /** Stops every poll; called when the owner is destroyed. */
  @PreDestroy
  public synchronized void close() {
    files.forEach(ReloadingFile::close);
  }
}
