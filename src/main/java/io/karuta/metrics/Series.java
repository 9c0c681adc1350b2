package io.karuta.metrics;

import java.util.List;

/**
 * One series of a {@link Family}: the family and its label values. Exporters read the current value
 * through the subclass; reading never blocks recording.
 */
public abstract sealed class Series permits CounterSeries, GaugeSeries, HistogramSeries {
  private final Family family;
  private final List<Label> labels;

  Series(Family family, List<Label> labels) {
    this.family = family;
    this.labels = List.copyOf(labels);
  }

  /** Returns the family this series belongs to. */
  public final Family family() {
    return family;
  }

  /** Returns the labels, in the order they are written. */
  public final List<Label> labels() {
    return labels;
  }
}
