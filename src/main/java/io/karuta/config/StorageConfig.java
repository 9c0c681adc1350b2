package io.karuta.config;

import java.util.Objects;

/**
 * The chosen peer store (chihaya's {@code storage.*}). Immutable and thread-safe.
 *
 * @param name the store's name, such as {@code memory}
 * @param options the store's options under {@code karuta.storage.config.}; the store checks them
 *     (including unknown keys, with {@link Options#rejectUnknown})
 */
public record StorageConfig(String name, Options options) {

  /** Checks for nulls. */
  public StorageConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(options, "options");
  }
}
