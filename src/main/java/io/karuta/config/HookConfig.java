package io.karuta.config;

import java.util.Objects;

/**
 * One entry of {@code prehooks} or {@code posthooks}. Immutable and thread-safe.
 *
 * @param name the hook's name as chihaya spells it, such as {@code client approval}
 * @param options the hook's options under {@code karuta.prehooks[i].options.} (or {@code
 *     posthooks}); the hook checks them (including unknown keys, with {@link
 *     Options#rejectUnknown})
 */
public record HookConfig(String name, Options options) {

  /** Checks for nulls. */
  public HookConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(options, "options");
  }
}
