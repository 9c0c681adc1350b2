package io.karuta.bittorrent.bencode;

import static io.karuta.bittorrent.bencode.Trees.assertTreeEquals;
import static io.karuta.bittorrent.bencode.Trees.encodable;
import static io.karuta.bittorrent.bencode.Trees.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.Hex;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Seeded random trees through encode and decode, and random or damaged input through the decoder.
 * The seed is fixed, so a failure reproduces.
 */
class BencodePropertyTest {
  private static final long SEED = 0x6b61727574614cL;
  private static final int MAX_TREE_DEPTH = 4;
  private static final byte[] ALPHABET = Trees.latin1("ilde0123456789:-");

  @Test
  void randomTreesSurviveEncodeThenDecode() {
    Random random = new Random(SEED);
    for (int i = 0; i < 3000; i++) {
      Generated tree = tree(random, 0);
      byte[] encoded = Bencode.encode(tree.value);
      assertTreeEquals(tree.decoded, BencodeReader.decode(encoded));
    }
  }

  @Test
  void everyProperPrefixIsAShortReadAndAnyExtraByteIsTrailingData() {
    Random random = new Random(SEED + 1);
    for (int i = 0; i < 300; i++) {
      byte[] encoded = Bencode.encode(tree(random, 0).value);
      for (int length = 0; length < encoded.length; length++) {
        byte[] prefix = Arrays.copyOf(encoded, length);
        assertEquals("bencode: short read", rejection(prefix), text(prefix));
      }
      byte[] longer = Arrays.copyOf(encoded, encoded.length + 1);
      assertEquals("bencode: trailing data", rejection(longer), text(longer));
    }
  }

  @Test
  void decoderOnlyAcceptsCanonicalInputAndOnlyThrowsBencodeException() {
    Random random = new Random(SEED + 2);
    int accepted = 0;
    int rejected = 0;
    for (int i = 0; i < 20_000; i++) {
      byte[] input =
          i % 4 == 0 ? garbage(random) : mutate(random, Bencode.encode(tree(random, 0).value));
      Object decoded;
      try {
        decoded = BencodeReader.decode(input);
      } catch (BencodeException e) {
        rejected++;
        continue;
      } catch (RuntimeException | Error e) {
        throw new AssertionError("decoding " + Hex.encode(input), e);
      }
      accepted++;
      assertArrayEquals(input, Bencode.encode(encodable(decoded)), () -> "accepted " + text(input));
    }
    // Both outcomes must be common, or the loop proves little.
    assertTrue(
        accepted > 2000 && rejected > 2000, accepted + " accepted, " + rejected + " rejected");
  }

  private static String rejection(byte[] input) {
    return assertThrows(BencodeException.class, () -> BencodeReader.decode(input)).getMessage();
  }

  /** A value for the encoder and the tree the decoder must give back for it. */
  private record Generated(Object value, Object decoded) {}

  private static Generated tree(Random random, int depth) {
    switch (random.nextInt(depth >= MAX_TREE_DEPTH ? 3 : 5)) {
      case 0:
        long n = randomInteger(random);
        boolean fitsInt = n == (int) n;
        return new Generated(fitsInt && random.nextBoolean() ? (Object) (int) n : (Object) n, n);
      case 1:
        byte[] bytes = randomBytes(random);
        return new Generated(bytes, bytes);
      case 2:
        String text = randomText(random);
        return new Generated(text, text.getBytes(StandardCharsets.UTF_8));
      case 3:
        List<Object> values = new ArrayList<>();
        List<Object> decoded = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
          Generated element = tree(random, depth + 1);
          values.add(element.value);
          decoded.add(element.decoded);
        }
        return new Generated(values, decoded);
      default:
        return dict(random, depth);
    }
  }

  /** A dictionary in random order; the decoder gives it back sorted by unsigned key bytes. */
  private static Generated dict(Random random, int depth) {
    Map<Object, Object> values = new LinkedHashMap<>();
    List<byte[]> keys = new ArrayList<>();
    Map<String, Object> byKey = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (int i = random.nextInt(6); i > 0; i--) {
      byte[] key = randomBytes(random);
      if (!seen.add(text(key))) {
        continue;
      }
      Generated value = tree(random, depth + 1);
      // An ASCII key may go in as a String; other bytes must go in as byte[].
      values.put(isAscii(key) && random.nextBoolean() ? text(key) : key, value.value);
      keys.add(key);
      byKey.put(text(key), value.decoded);
    }
    keys.sort(Arrays::compareUnsigned);
    Map<String, Object> decoded = new LinkedHashMap<>();
    keys.forEach(key -> decoded.put(text(key), byKey.get(text(key))));
    return new Generated(values, decoded);
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  private static long randomInteger(Random random) {
    switch (random.nextInt(4)) {
      case 0:
        return random.nextInt(21) - 10;
      case 1:
        return random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE;
      default:
        return random.nextLong() >> random.nextInt(64);
    }
  }

  private static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[random.nextInt(random.nextInt(10) == 0 ? 300 : 6)];
    for (int i = 0; i < bytes.length; i++) {
      // Half the bytes come from the bencode alphabet, to make look-alike content.
      bytes[i] =
          random.nextBoolean()
              ? ALPHABET[random.nextInt(ALPHABET.length)]
              : (byte) random.nextInt(256);
    }
    return bytes;
  }

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(6); i > 0; i--) {
      text.append((char) (random.nextBoolean() ? 'a' + random.nextInt(26) : random.nextInt(0x800)));
    }
    if (random.nextInt(4) == 0) {
      text.append("\ud83d\ude00"); // four UTF-8 bytes
    }
    return text.toString();
  }

  private static byte[] garbage(Random random) {
    byte[] bytes = new byte[random.nextInt(40)];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return bytes;
  }

  /** Damages valid input once or twice: cuts it, overwrites, drops, inserts or swaps a byte. */
  private static byte[] mutate(Random random, byte[] input) {
    byte[] out = input;
    for (int round = 1 + random.nextInt(2); round > 0 && out.length > 0; round--) {
      int at = random.nextInt(out.length);
      byte b = random.nextBoolean() ? ALPHABET[random.nextInt(ALPHABET.length)] : (byte) at;
      switch (random.nextInt(5)) {
        case 0 -> out = Arrays.copyOf(out, at);
        case 1 -> out[at] = b;
        case 2 -> out = splice(out, at, 1, new byte[0]);
        case 3 -> out = splice(out, at, 0, new byte[] {b});
        default -> {
          int other = random.nextInt(out.length);
          out[at] = out[other];
          out[other] = b;
        }
      }
    }
    return out;
  }

  private static byte[] splice(byte[] in, int at, int remove, byte[] insert) {
    byte[] out = new byte[in.length - remove + insert.length];
    System.arraycopy(in, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(in, at + remove, out, at + insert.length, in.length - at - remove);
    return out;
  }
}
