package io.karuta.stats;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** What the build wrote into the WAR: the version, for the stats page and {@code karuta_info}. */
public final class Build {
  private static final String VERSION = read();

  private Build() {}

  /** Returns the project version, or {@code unknown} when the build did not record it. */
  public static String version() {
    return VERSION;
  }

  private static String read() {
    try (InputStream in = Build.class.getResourceAsStream("build.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "unknown");
      return version.startsWith("${") ? "unknown" : version;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
