package io.karuta.middleware.approval;

/** How an approval list works: only what it names passes, or all but what it names. */
enum Mode {
  /** Only the listed values are approved. */
  WHITELIST("whitelist"),
  /** Every value but the listed ones is approved. */
  BLACKLIST("blacklist");

  private final String key;

  Mode(String key) {
    this.key = key;
  }

  /** Returns the option that holds a list of this kind, which is also the mode's spelling. */
  String key() {
    return key;
  }

  /** Returns the mode spelt {@code key}; {@code key} is one of the two spellings. */
  static Mode of(String key) {
    return key.equals(WHITELIST.key) ? WHITELIST : BLACKLIST;
  }

  /** Returns whether a value is approved, given whether the list holds it. */
  boolean approves(boolean listed) {
    return listed == (this == WHITELIST);
  }
}
