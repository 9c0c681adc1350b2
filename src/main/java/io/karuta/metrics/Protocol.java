package io.karuta.metrics;

/** The frontend a request came through; its label value is the lower-case name. */
public enum Protocol {
  /** HTTP announce and scrape (BEP 3, 23, 48). */
  HTTP("http"),
  /** The UDP tracker protocol (BEP 15). */
  UDP("udp");

  private final String label;

  Protocol(String label) {
    this.label = label;
  }

  /** Returns the label value: {@code http} or {@code udp}. */
  public String label() {
    return label;
  }
}
