package io.karuta.bench.load;

import java.nio.ByteBuffer;

/**
 * An incremental parser of one HTTP/1.x response, fed bytes as they arrive. It reads the status
 * line and the headers it needs ({@code Content-Length}, {@code Transfer-Encoding: chunked}, {@code
 * Connection}), then the body delimited by length, by chunks, or by the end of the connection, and
 * keeps it in a reused buffer. Interim 1xx responses are skipped. Head and body are capped ({@value
 * #MAX_HEAD} and {@value #MAX_BODY} bytes) so a broken server cannot make it grow without bound.
 * Not thread-safe; {@link #reset()} before each response.
 */
final class HttpResponseParser {
  static final int MAX_HEAD = 8_192;
  static final int MAX_BODY = 1 << 20;

  /** Where parsing stands after the bytes given so far. */
  enum Progress {
    NEED_MORE,
    COMPLETE,
    FAILED
  }

  private enum State {
    HEAD,
    BODY_LENGTH,
    BODY_UNTIL_CLOSE,
    CHUNK_SIZE,
    CHUNK_DATA,
    CHUNK_END,
    TRAILER,
    DONE,
    FAILED
  }

  private final byte[] head = new byte[MAX_HEAD];
  private final byte[] line = new byte[256];
  private byte[] body = new byte[4_096];
  private State state = State.HEAD;
  private int headLength;
  private int lineLength;
  private int bodyLength;
  private long remaining;
  private int status;
  private boolean keepAlive;
  private boolean receivedAny;
  private Verdict failure;

  /** Prepares for the next response. */
  void reset() {
    state = State.HEAD;
    headLength = 0;
    lineLength = 0;
    bodyLength = 0;
    status = 0;
    keepAlive = false;
    receivedAny = false;
    failure = null;
  }

  /**
   * Consumes bytes of {@code in} up to the end of the response; bytes after it stay in {@code in}.
   */
  Progress feed(ByteBuffer in) {
    if (in.hasRemaining()) {
      receivedAny = true;
    }
    while (in.hasRemaining() && state != State.DONE && state != State.FAILED) {
      switch (state) {
        case HEAD -> readHead(in);
        case BODY_LENGTH -> {
          readBody(in, (int) Math.min(remaining, in.remaining()));
          if (remaining == 0) {
            state = State.DONE;
          }
        }
        case BODY_UNTIL_CLOSE -> readBody(in, in.remaining());
        case CHUNK_SIZE -> readChunkSize(in);
        case CHUNK_DATA -> {
          readBody(in, (int) Math.min(remaining, in.remaining()));
          if (remaining == 0) {
            state = State.CHUNK_END;
          }
        }
        case CHUNK_END, TRAILER -> readChunkEnd(in);
        default -> throw new IllegalStateException(state.name());
      }
    }
    return progress();
  }

  /** Tells the parser the connection ended; completes a body delimited by the close. */
  Progress endOfInput() {
    if (state == State.BODY_UNTIL_CLOSE) {
      state = State.DONE;
    } else if (state != State.DONE && state != State.FAILED) {
      fail(receivedAny ? Verdict.TRUNCATED : Verdict.CONNECTION_CLOSED);
    }
    return progress();
  }

  /** Whether any byte of this response arrived. */
  boolean receivedAny() {
    return receivedAny;
  }

  /** Why parsing failed; null unless {@link Progress#FAILED}. */
  Verdict failure() {
    return failure;
  }

  /** The status code of a complete response. */
  int status() {
    return status;
  }

  /** Whether the connection may carry another request after this response. */
  boolean keepAlive() {
    return keepAlive;
  }

  /** The body buffer; valid bytes are {@code [0, bodyLength())}. */
  byte[] body() {
    return body;
  }

  int bodyLength() {
    return bodyLength;
  }

  private Progress progress() {
    return switch (state) {
      case DONE -> Progress.COMPLETE;
      case FAILED -> Progress.FAILED;
      default -> Progress.NEED_MORE;
    };
  }

  private void readHead(ByteBuffer in) {
    while (in.hasRemaining()) {
      if (headLength == MAX_HEAD) {
        fail(Verdict.MALFORMED_HTTP);
        return;
      }
      head[headLength++] = in.get();
      if (headLength >= 4
          && head[headLength - 1] == '\n'
          && head[headLength - 2] == '\r'
          && head[headLength - 3] == '\n'
          && head[headLength - 4] == '\r') {
        parseHead();
        return;
      }
    }
  }

  private void parseHead() {
    // Status line: HTTP/1.x SP 3DIGIT [SP reason] CRLF
    if (headLength < 14
        || !startsWith(0, "HTTP/1.")
        || (head[7] != '0' && head[7] != '1')
        || head[8] != ' '
        || !digit(head[9])
        || !digit(head[10])
        || !digit(head[11])
        || (head[12] != ' ' && head[12] != '\r')) {
      fail(Verdict.MALFORMED_HTTP);
      return;
    }
    boolean http11 = head[7] == '1';
    status = (head[9] - '0') * 100 + (head[10] - '0') * 10 + (head[11] - '0');
    long contentLength = -1;
    boolean chunked = false;
    boolean close = false;
    boolean keep = false;
    int at = indexOfCrlf(0) + 2;
    while (at < headLength - 2) {
      int end = indexOfCrlf(at);
      int colon = indexOf(at, end, (byte) ':');
      if (colon <= at || head[at] == ' ' || head[at] == '\t') {
        fail(Verdict.MALFORMED_HTTP); // no name, or an obsolete folded line
        return;
      }
      int valueStart = skipBlanks(colon + 1, end);
      int valueEnd = trimBlanks(valueStart, end);
      if (nameIs(at, colon, "content-length")) {
        long value = parseDecimal(valueStart, valueEnd);
        if (value < 0 || (contentLength >= 0 && contentLength != value)) {
          fail(Verdict.MALFORMED_HTTP);
          return;
        }
        contentLength = value;
      } else if (nameIs(at, colon, "transfer-encoding")) {
        if (!endsWithIgnoreCase(valueStart, valueEnd, "chunked")) {
          fail(Verdict.MALFORMED_HTTP); // a coding we cannot undo, such as gzip alone
          return;
        }
        chunked = true;
      } else if (nameIs(at, colon, "connection")) {
        close |= containsIgnoreCase(valueStart, valueEnd, "close");
        keep |= containsIgnoreCase(valueStart, valueEnd, "keep-alive");
      }
      at = end + 2;
    }
    keepAlive = !close && (http11 || keep);
    if (status >= 100 && status < 200) {
      headLength = 0; // an interim response: the real one follows
      return;
    }
    if (status == 204 || status == 304) {
      state = State.DONE;
    } else if (chunked) {
      state = State.CHUNK_SIZE; // chunked wins over a Content-Length (RFC 9112, 6.3)
    } else if (contentLength >= 0) {
      remaining = contentLength;
      state = contentLength == 0 ? State.DONE : State.BODY_LENGTH;
    } else {
      keepAlive = false;
      state = State.BODY_UNTIL_CLOSE;
    }
  }

  private void readBody(ByteBuffer in, int count) {
    if (bodyLength + count > MAX_BODY) {
      fail(Verdict.MALFORMED_HTTP);
      return;
    }
    if (bodyLength + count > body.length) {
      byte[] bigger = new byte[Math.min(MAX_BODY, Math.max(body.length * 2, bodyLength + count))];
      System.arraycopy(body, 0, bigger, 0, bodyLength);
      body = bigger;
    }
    in.get(body, bodyLength, count);
    bodyLength += count;
    remaining -= count;
  }

  /** Reads a chunk-size line: hex digits, optional extensions after ';', CRLF. */
  private void readChunkSize(ByteBuffer in) {
    if (!readLine(in)) {
      return;
    }
    int length = lineLength;
    lineLength = 0;
    long size = 0;
    int digits = 0;
    int i = 0;
    for (; i < length; i++) {
      int d = Character.digit(line[i], 16);
      if (d < 0) {
        break;
      }
      if (++digits > 8) {
        fail(Verdict.MALFORMED_HTTP);
        return;
      }
      size = size * 16 + d;
    }
    if (digits == 0 || (i < length && line[i] != ';' && line[i] != ' ' && line[i] != '\t')) {
      fail(Verdict.MALFORMED_HTTP);
      return;
    }
    remaining = size;
    state = size == 0 ? State.TRAILER : State.CHUNK_DATA;
  }

  /** After a chunk's data an empty line; after the last chunk, trailer lines up to an empty one. */
  private void readChunkEnd(ByteBuffer in) {
    if (!readLine(in)) {
      return;
    }
    int length = lineLength;
    lineLength = 0;
    if (length == 0) {
      state = state == State.TRAILER ? State.DONE : State.CHUNK_SIZE;
    } else if (state == State.CHUNK_END) {
      fail(Verdict.MALFORMED_HTTP); // chunk data longer than its size
    }
  }

  /** Collects one CRLF-terminated line into {@code line}; false while incomplete. */
  private boolean readLine(ByteBuffer in) {
    while (in.hasRemaining()) {
      byte b = in.get();
      if (b == '\n') {
        if (lineLength == 0 || line[lineLength - 1] != '\r') {
          fail(Verdict.MALFORMED_HTTP);
          return false;
        }
        lineLength--; // drop the CR
        return true;
      }
      if (lineLength == line.length) {
        fail(Verdict.MALFORMED_HTTP);
        return false;
      }
      line[lineLength++] = b;
    }
    return false;
  }

  private void fail(Verdict why) {
    failure = why;
    state = State.FAILED;
  }

  private boolean startsWith(int at, String ascii) {
    for (int i = 0; i < ascii.length(); i++) {
      if (head[at + i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private int indexOfCrlf(int from) {
    for (int i = from; i + 1 < headLength; i++) {
      if (head[i] == '\r' && head[i + 1] == '\n') {
        return i;
      }
    }
    return headLength;
  }

  private int indexOf(int from, int to, byte b) {
    for (int i = from; i < to; i++) {
      if (head[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private int skipBlanks(int from, int to) {
    while (from < to && (head[from] == ' ' || head[from] == '\t')) {
      from++;
    }
    return from;
  }

  private int trimBlanks(int from, int to) {
    while (to > from && (head[to - 1] == ' ' || head[to - 1] == '\t')) {
      to--;
    }
    return to;
  }

  private boolean nameIs(int from, int to, String lower) {
    return to - from == lower.length() && regionIgnoreCase(from, lower);
  }

  private boolean endsWithIgnoreCase(int from, int to, String lower) {
    return to - from >= lower.length() && regionIgnoreCase(to - lower.length(), lower);
  }

  private boolean containsIgnoreCase(int from, int to, String lower) {
    for (int i = from; i + lower.length() <= to; i++) {
      if (regionIgnoreCase(i, lower)) {
        return true;
      }
    }
    return false;
  }

  private boolean regionIgnoreCase(int at, String lower) {
    for (int i = 0; i < lower.length(); i++) {
      int c = head[at + i];
      if (c >= 'A' && c <= 'Z') {
        c += 'a' - 'A';
      }
      if (c != lower.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private long parseDecimal(int from, int to) {
    if (from == to || to - from > 12) {
      return -1;
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      if (!digit(head[i])) {
        return -1;
      }
      value = value * 10 + (head[i] - '0');
    }
    return value;
  }

  private static boolean digit(byte b) {
    return b >= '0' && b <= '9';
  }
}
