package io.karuta.config;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * A program for {@link ChildJvmTest}: reads the configuration the way the tracker does, through
 * {@link ConfigProvider#getConfig()}, and prints a few resolved values, one {@code key=value} line
 * each. Exits with 2 and the error on standard output when the configuration is invalid.
 */
public final class PrintConfig {
  private PrintConfig() {}

  /** Runs the program; takes no arguments. */
  public static void main(String[] args) {
    Config config = ConfigProvider.getConfig();
    StringBuilder sources = new StringBuilder();
    for (ConfigSource source : config.getConfigSources()) {
      if (source instanceof YamlConfigSource || source instanceof DefaultsConfigSource) {
        sources.append(source.getClass().getSimpleName()).append(':').append(source.getOrdinal());
        sources.append(' ');
      }
    }
    System.out.println("sources=" + sources.toString().trim());
    TrackerConfig tracker;
    try {
      tracker = ConfigProducer.load(config);
    } catch (ConfigException e) {
      System.out.println("error=" + e.getMessage());
      System.exit(2);
      return;
    }
    System.out.println("announce_interval=" + GoDuration.format(tracker.announceInterval()));
    System.out.println("min_announce_interval=" + GoDuration.format(tracker.minAnnounceInterval()));
    System.out.println("http.max_numwant=" + tracker.http().maxNumWant());
    System.out.println("udp.addr=" + tracker.udp().addr().map(Object::toString).orElse(""));
    System.out.println("storage.name=" + tracker.storage().name());
    System.out.println("prehooks=" + tracker.preHooks().stream().map(HookConfig::name).toList());
  }
}
