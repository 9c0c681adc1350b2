package io.karuta.metrics;

import java.util.List;

/**
 * One series of a {@link Family}: the family and its label values. Exporters read the current value
 * through the subtype; reading never blocks recording.
 */
public sealed interface Series permits CounterSeries, GaugeSeries, HistogramSeries {
  /** Returns the family this series belongs to. */
  Family family();

  /** Returns the labels, in the order they are written. */
  List<Label> labels();
}
