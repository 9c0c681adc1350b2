package io.karuta.bittorrent;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The 6-byte client identifier taken from a peer ID, as chihaya's client approval uses it: the
 * bytes after a leading {@code -} for Azureus-style IDs ({@code -AZ2060-…} gives {@code AZ2060}),
 * otherwise the first six bytes (Shad0w-style IDs such as {@code M4-4-0--…}).
 *
 * @param bytes the six bytes
 */
public record ClientId(byte[] bytes) {
  /** The length of a client ID in bytes. */
  public static final int LENGTH = 6;

  /** Copies and checks the six bytes. */
  public ClientId {
    if (bytes == null || bytes.length != LENGTH) {
      throw new IllegalArgumentException("a client ID is 6 bytes");
    }
    bytes = bytes.clone();
  }

  /** Returns the client ID of {@code peerId}. */
  public static ClientId of(PeerId peerId) {
    byte[] id = peerId.bytes();
    int start = id[0] == '-' ? 1 : 0;
    return new ClientId(Arrays.copyOfRange(id, start, start + LENGTH));
  }

  /**
   * Returns the client ID written as six ISO-8859-1 characters, as operators list them in config.
   *
   * @throws IllegalArgumentException unless the text is exactly six single-byte characters
   */
  public static ClientId of(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    if (bytes.length != LENGTH || !new String(bytes, StandardCharsets.ISO_8859_1).equals(text)) {
      throw new IllegalArgumentException("client ID " + text + " must be 6 bytes");
    }
    return new ClientId(bytes);
  }

  /** Returns a copy of the six bytes. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ClientId that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Returns the six bytes as ISO-8859-1 text, for example {@code AZ2060}. */
  @Override
  public String toString() {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
