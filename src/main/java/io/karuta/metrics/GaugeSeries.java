package io.karuta.metrics;

import java.util.List;
import java.util.function.DoubleSupplier;

/** A gauge: its value is read from a supplier each time someone asks. */
public final class GaugeSeries implements Series {
  private final Family family;
  private final List<Label> labels;
  private final DoubleSupplier value;

  GaugeSeries(Family family, List<Label> labels, DoubleSupplier value) {
    this.family = family;
    this.labels = List.copyOf(labels);
    this.value = value;
  }

  /** Returns the current value. */
  public double value() {
    return value.getAsDouble();
  }

  @Override
  public Family family() {
    return family;
  }

  @Override
  public List<Label> labels() {
    return labels;
  }
}
