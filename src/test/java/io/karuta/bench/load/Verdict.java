package io.karuta.bench.load;

/**
 * What became of one request: valid, or one failure bucket. The texts are fixed, so a report never
 * carries anything a tracker sent.
 */
enum Verdict {
  VALID(Outcome.VALID, "valid"),

  // The tracker said no.
  ERROR_REPLY(Outcome.ERROR, "error reply"),
  ERROR_REPLY_CONNECTION_ID(Outcome.ERROR, "error reply: connection id"),
  FAILURE_REASON(Outcome.ERROR, "failure reason"),
  CONNECT_FAILED(Outcome.ERROR, "connect failed"),
  CONNECTION_CLOSED(Outcome.ERROR, "connection closed before a reply"),
  IO_ERROR(Outcome.ERROR, "i/o error"),

  // The tracker answered something the protocol does not allow.
  SHORT(Outcome.INVALID, "shorter than 8 bytes"),
  ACTION(Outcome.INVALID, "wrong action"),
  LENGTH(Outcome.INVALID, "wrong length"),
  TOO_MANY_PEERS(Outcome.INVALID, "more peers than numwant"),
  INTERVAL(Outcome.INVALID, "interval not positive"),
  COUNTS(Outcome.INVALID, "count out of range"),
  STATUS(Outcome.INVALID, "status"),
  MALFORMED_HTTP(Outcome.INVALID, "malformed http"),
  TRUNCATED(Outcome.INVALID, "truncated response"),
  NOT_BENCODE(Outcome.INVALID, "body not canonical bencode"),
  UNSORTED_KEYS(Outcome.INVALID, "dictionary keys not sorted (BEP 3)"),
  NOT_DICT(Outcome.INVALID, "body not a dictionary"),
  PEERS(Outcome.INVALID, "peers missing or not a multiple of the stride"),
  SCRAPE_FILES(Outcome.INVALID, "scrape files differ from the asked hashes"),
  SCRAPE_ENTRY(Outcome.INVALID, "scrape entry lacks an integer count"),

  TIMEOUT(Outcome.TIMEOUT, "timeout"),
  UNEXPECTED(Outcome.UNEXPECTED, "unknown transaction id");

  /** The column a verdict is counted in. */
  enum Outcome {
    VALID,
    ERROR,
    INVALID,
    TIMEOUT,
    UNEXPECTED
  }

  final Outcome outcome;
  final String text;

  Verdict(Outcome outcome, String text) {
    this.outcome = outcome;
    this.text = text;
  }
}
