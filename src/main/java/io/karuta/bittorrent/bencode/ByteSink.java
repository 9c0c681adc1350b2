package io.karuta.bittorrent.bencode;

import java.util.Arrays;

/** A growable byte array that {@link BencodeWriter} appends to; it knows nothing of bencode. */
final class ByteSink {
  private static final int MAX_SIZE = Integer.MAX_VALUE - 8;

  private byte[] buf;
  private int size;

  ByteSink(int initialCapacity) {
    buf = new byte[initialCapacity];
  }

  int size() {
    return size;
  }

  /** Forgets every byte from {@code newSize} on. */
  void truncate(int newSize) {
    size = newSize;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  void put(char asciiChar) {
    ensure(1);
    buf[size++] = (byte) asciiChar;
  }

  void put(byte[] bytes, int offset, int length) {
    ensure(length);
    System.arraycopy(bytes, offset, buf, size, length);
    size += length;
  }

  /** Appends each char of text, all below 0x80, as one byte. */
  void putAscii(String text) {
    int length = text.length();
    ensure(length);
    for (int i = 0; i < length; i++) {
      buf[size++] = (byte) text.charAt(i);
    }
  }

  /** Appends value in decimal: a minus sign if negative, then digits without leading zeros. */
  void putDecimal(long value) {
    // Digits come from the negative magnitude, so Long.MIN_VALUE needs no special case.
    long negative = value < 0 ? value : -value;
    int length = value < 0 ? 2 : 1;
    for (long rest = negative; rest <= -10; rest /= 10) {
      length++;
    }
    ensure(length);
    int p = size + length;
    do {
      buf[--p] = (byte) ('0' - negative % 10);
      negative /= 10;
    } while (negative != 0);
    if (value < 0) {
      buf[--p] = '-';
    }
    size += length;
  }

  /**
   * Compares two ranges already written, as unsigned bytes, like {@link Arrays#compareUnsigned}.
   */
  int compare(int offsetA, int lengthA, int offsetB, int lengthB) {
    return Arrays.compareUnsigned(buf, offsetA, offsetA + lengthA, buf, offsetB, offsetB + lengthB);
  }

  private void ensure(int more) {
    if (more <= buf.length - size) {
      return;
    }
    if (more > MAX_SIZE - size) {
      throw new IllegalStateException("bencode: output larger than a byte array can hold");
    }
    long wanted = Math.max(size + (long) more, 2L * buf.length + 16);
    buf = Arrays.copyOf(buf, (int) Math.min(MAX_SIZE, wanted));
  }
}
