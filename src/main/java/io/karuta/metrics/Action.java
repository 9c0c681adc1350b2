package io.karuta.metrics;

/** What a request asked for; its label value is the lower-case name. */
public enum Action {
  /** An announce (UDP actions 1 and 4, HTTP announce routes). */
  ANNOUNCE("announce"),
  /** A scrape. */
  SCRAPE("scrape"),
  /** A UDP connect (action 0). */
  CONNECT("connect");

  private final String label;

  Action(String label) {
    this.label = label;
  }

  /** Returns the label value. */
  public String label() {
    return label;
  }
}
