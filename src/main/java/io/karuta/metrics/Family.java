package io.karuta.metrics;

import java.util.Objects;

/**
 * A metric family: the name every series of it shares, its help text and its type.
 *
 * @param name the Prometheus name, without the {@code _bucket}/{@code _sum}/{@code _count} suffixes
 *     of a histogram; a counter's name ends in {@code _total}
 * @param help one line for {@code # HELP}
 * @param type the Prometheus type
 */
public record Family(String name, String help, Type type) {
  /** The Prometheus metric types Karuta uses. */
  public enum Type {
    /** Only goes up, from 0 when the application starts. */
    COUNTER,
    /** A value that can go up and down. */
    GAUGE,
    /** Observations counted in cumulative buckets, with their sum and count. */
    HISTOGRAM
  }

  /** Checks that every part is present. */
  public Family {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(help, "help");
    Objects.requireNonNull(type, "type");
  }

  /** Returns the lower-case type as {@code # TYPE} spells it. */
  public String typeName() {
    return type.name().toLowerCase(java.util.Locale.ROOT);
  }
}
