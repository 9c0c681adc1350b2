package io.karuta.metrics;

import java.util.Objects;

/**
 * One label of a series: a name and a fixed value chosen by code, never request data.
 *
 * @param name the label name, {@code [a-z_]+}
 * @param value the label value
 */
public record Label(String name, String value) {
  /** Checks that both parts are present. */
  public Label {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
