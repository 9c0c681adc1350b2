package io.karuta.bittorrent.bencode;

import java.util.Arrays;

/**
 * The open containers of a {@link BencodeWriter} and what each expects next: the state machine that
 * keeps the output well formed. It also remembers, per open dictionary, where its last key sits in
 * the output, so that the writer can check key order without copying keys.
 */
final class Nesting {
  private static final byte LIST = 0;
  private static final byte DICT_KEY = 1;
  private static final byte DICT_VALUE = 2;
  private static final byte ROOT_EMPTY = 3;
  private static final byte ROOT_DONE = 4;

  // Level 0 is the document itself; level depth is the innermost open container.
  private byte[] states = new byte[8];
  private int[] lastKeyOffset = new int[8];
  private int[] lastKeyLength = new int[8];
  private int depth;

  Nesting() {
    reset();
  }

  void reset() {
    depth = 0;
    states[0] = ROOT_EMPTY;
  }

  /** Records that a value (scalar or container) is about to be written, or throws. */
  void value() {
    switch (states[depth]) {
      case LIST:
        return;
      case DICT_VALUE:
        states[depth] = DICT_KEY;
        return;
      case ROOT_EMPTY:
        states[depth] = ROOT_DONE;
        return;
      case DICT_KEY:
        throw new IllegalStateException("bencode: a dictionary key is expected, not a value");
      default:
        throw new IllegalStateException("bencode: a document holds a single top-level value");
    }
  }

  /** Opens a container; call {@link #value()} first. */
  void open(boolean dict) {
    if (depth + 1 == states.length) {
      int capacity = states.length * 2;
      states = Arrays.copyOf(states, capacity);
      lastKeyOffset = Arrays.copyOf(lastKeyOffset, capacity);
      lastKeyLength = Arrays.copyOf(lastKeyLength, capacity);
    }
    depth++;
    states[depth] = dict ? DICT_KEY : LIST;
    lastKeyOffset[depth] = -1;
  }

  void closeDict() {
    if (states[depth] != DICT_KEY) {
      throw new IllegalStateException("bencode: no open dictionary awaiting a key to end");
    }
    depth--;
  }

  void closeList() {
    if (states[depth] != LIST) {
      throw new IllegalStateException("bencode: no open list to end");
    }
    depth--;
  }

  void checkKeyExpected() {
    if (states[depth] != DICT_KEY) {
      throw new IllegalStateException(
          "bencode: a key is only allowed where a dictionary wants one");
    }
  }

  /** Where the innermost dictionary's last key starts in the output, or -1 if it has none yet. */
  int lastKeyOffset() {
    return lastKeyOffset[depth];
  }

  int lastKeyLength() {
    return lastKeyLength[depth];
  }

  /** Records an accepted key; the dictionary now expects its value. */
  void keyWritten(int offset, int length) {
    lastKeyOffset[depth] = offset;
    lastKeyLength[depth] = length;
    states[depth] = DICT_VALUE;
  }

  void checkComplete() {
    if (depth != 0) {
      throw new IllegalStateException("bencode: a list or dictionary is still open");
    }
    if (states[0] != ROOT_DONE) {
      throw new IllegalStateException("bencode: nothing written");
    }
  }
}
