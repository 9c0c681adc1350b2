package io.karuta.bittorrent;

/** A 64-bit mixing function for hash codes (the finaliser of MurmurHash3). */
public final class Mix {
  private Mix() {}

  /** Spreads every input bit over the whole result; a bijection on 64-bit values. */
  public static long mix(long value) {
    long x = value;
    x ^= x >>> 33;
    x *= 0xFF51_AFD7_ED55_8CCDL;
    x ^= x >>> 33;
    x *= 0xC4CE_B9FE_1A85_EC53L;
    x ^= x >>> 33;
    return x;
  }
}
