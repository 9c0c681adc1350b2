package io.karuta.metrics;

import java.util.List;
import java.util.function.DoubleSupplier;

/** A gauge: its value is read from a supplier each time someone asks. */
public final class GaugeSeries extends Series {
  private final DoubleSupplier value;

  GaugeSeries(Family family, List<Label> labels, DoubleSupplier value) {
    super(family, labels);
    this.value = value;
  }

  /** Returns the current value. */
  public double value() {
    return value.getAsDouble();
  }
}
