package io.karuta.bittorrent.bencode;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes one bencoded value (BEP 3) in canonical form into a growable byte array.
 *
 * <p>The calls mirror the structure of the value: {@code
 * w.beginDict().key("interval").value(1800).key("peers").value(compact).endDict()}. The writer
 * refuses, with an {@link IllegalStateException}, any call that would make the output malformed or
 * not canonical: a key outside a dictionary or a value where a key is expected, a key that is not
 * strictly greater than the previous key of the same dictionary (raw bytes compared unsigned), an
 * {@code end} that does not match the innermost open container, or a second top-level value. A
 * refused call writes nothing, so the writer stays usable.
 *
 * <p>Integers are written {@code i<n>e} with no leading zeros; {@code -0} cannot occur. Strings are
 * written {@code <byte length>:<bytes>}.
 *
 * <p>Writing allocates nothing but the growth of the buffer and its small container stack; the
 * order of keys is checked against the previous key where it already sits in the buffer. An
 * instance is not thread-safe; {@link #reset()} makes it reusable for the next document.
 */
public final class BencodeWriter {
  private final ByteSink out;
  private final Nesting nesting = new Nesting();

  /** Creates a writer with a 256-byte initial buffer. */
  public BencodeWriter() {
    this(256);
  }

  /**
   * Creates a writer whose buffer starts at {@code initialCapacity} bytes and grows as needed.
   *
   * @throws IllegalArgumentException if {@code initialCapacity} is negative
   */
  public BencodeWriter(int initialCapacity) {
    if (initialCapacity < 0) {
      throw new IllegalArgumentException("negative capacity: " + initialCapacity);
    }
    out = new ByteSink(initialCapacity);
  }

  /** Opens a dictionary where a value is expected; its keys must then come in ascending order. */
  public BencodeWriter beginDict() {
    nesting.value();
    nesting.open(true);
    out.put('d');
    return this;
  }

  /** Closes the innermost container, which must be a dictionary that is not waiting for a value. */
  public BencodeWriter endDict() {
    nesting.closeDict();
    out.put('e');
    return this;
  }

  /** Opens a list where a value is expected. */
  public BencodeWriter beginList() {
    nesting.value();
    nesting.open(false);
    out.put('l');
    return this;
  }

  /** Closes the innermost container, which must be a list. */
  public BencodeWriter endList() {
    nesting.closeList();
    out.put('e');
    return this;
  }

  /**
   * Writes a dictionary key made of ASCII characters, each written as one byte.
   *
   * @throws IllegalArgumentException if a character is not ASCII
   * @throws IllegalStateException if no key is expected here, or the key is not strictly greater
   *     than the previous key of this dictionary
   */
  public BencodeWriter key(String asciiKey) {
    if (!isAscii(asciiKey)) {
      throw new IllegalArgumentException("bencode: key(String) takes ASCII only");
    }
    nesting.checkKeyExpected();
    int mark = out.size();
    putLengthPrefix(asciiKey.length());
    out.putAscii(asciiKey);
    return acceptKey(mark, asciiKey.length());
  }

  /**
   * Writes a dictionary key made of raw bytes, such as an info-hash.
   *
   * @throws IllegalStateException if no key is expected here, or the key is not strictly greater
   *     than the previous key of this dictionary
   */
  public BencodeWriter key(byte[] key) {
    nesting.checkKeyExpected();
    int mark = out.size();
    putLengthPrefix(key.length);
    out.put(key, 0, key.length);
    return acceptKey(mark, key.length);
  }

  /** Writes an integer where a value is expected. */
  public BencodeWriter value(long value) {
    nesting.value();
    out.put('i');
    out.putDecimal(value);
    out.put('e');
    return this;
  }

  /** Writes a byte string where a value is expected. */
  public BencodeWriter value(byte[] bytes) {
    return value(bytes, 0, bytes.length);
  }

  /**
   * Writes {@code bytes[offset .. offset + length)} as a byte string where a value is expected.
   *
   * @throws IndexOutOfBoundsException if the range is not inside {@code bytes}
   */
  public BencodeWriter value(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    nesting.value();
    putLengthPrefix(length);
    out.put(bytes, offset, length);
    return this;
  }

  /**
   * Writes text as its UTF-8 bytes where a value is expected. ASCII text is copied without a
   * temporary array; other text is first encoded into one.
   */
  public BencodeWriter value(String text) {
    if (!isAscii(text)) {
      return value(text.getBytes(StandardCharsets.UTF_8));
    }
    nesting.value();
    putLengthPrefix(text.length());
    out.putAscii(text);
    return this;
  }

  /** Returns the number of bytes written since creation or the last {@link #reset()}. */
  public int size() {
    return out.size();
  }

  /**
   * Returns a copy of the finished document.
   *
   * @throws IllegalStateException if no value was written or a container is still open
   */
  public byte[] toByteArray() {
    nesting.checkComplete();
    return out.toByteArray();
  }

  /** Empties the writer for a new document, keeping its buffers. */
  public void reset() {
    out.truncate(0);
    nesting.reset();
  }

  /** Keeps the key just written if it sorts after the previous one, else removes it and throws. */
  private BencodeWriter acceptKey(int mark, int length) {
    int offset = out.size() - length;
    int previous = nesting.lastKeyOffset();
    if (previous >= 0) {
      int order = out.compare(previous, nesting.lastKeyLength(), offset, length);
      if (order >= 0) {
        out.truncate(mark);
        throw new IllegalStateException(
            order == 0
                ? "bencode: duplicate dictionary key"
                : "bencode: dictionary keys must be written in ascending byte order");
      }
    }
    nesting.keyWritten(offset, length);
    return this;
  }

  private void putLengthPrefix(int length) {
    out.putDecimal(length);
    out.put(':');
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
