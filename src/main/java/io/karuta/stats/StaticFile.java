package io.karuta.stats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A file of this package's classpath resources, read once.
 *
 * @param bytes the content; not copied, callers must not modify it
 * @param contentType its media type
 */
record StaticFile(byte[] bytes, String contentType) {
  /** Reads resource {@code name} next to this class; fails if the build left it out. */
  static StaticFile load(String name, String contentType) {
    try (InputStream in = StaticFile.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource io/karuta/stats/" + name);
      }
      return new StaticFile(in.readAllBytes(), contentType);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
