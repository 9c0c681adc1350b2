package io.karuta.frontend.udp;

import io.karuta.bittorrent.IpAddress;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks BEP 15 connection IDs without keeping any state.
 *
 * <p><b>Purpose.</b> UDP source addresses can be forged. A connection ID is sent to the address a
 * connect claims, so only a client that really receives at that address learns it, and announces
 * and scrapes are served only with a valid one. This makes IP spoofing costly, so the tracker
 * cannot be used to reflect or amplify traffic towards a victim. IDs are bound to the address but
 * not the port, so a client whose NAT changes its port keeps its ID. Instances built with the same
 * key accept each other's IDs, across restarts and behind a load balancer.
 *
 * <p><b>Attacker cost.</b> Without the key, the tag can only be guessed: each guess succeeds with
 * probability 2<sup>-32</sup>, so an accepted forgery costs about 2<sup>31</sup> packets on
 * average, and what it buys lasts only until the ID expires, after {@code lifetime}.
 *
 * <p><b>Layout</b> (8 bytes, big-endian, chihaya's):
 *
 * <pre>
 * [0..4)  issue time, unix seconds as an unsigned 32-bit number
 * [4..8)  the first 4 bytes of HMAC-SHA256(key, issue time bytes || source address bytes)
 * </pre>
 *
 * The address is 4 bytes for IPv4 and 16 for IPv6; {@link IpAddress} is never v4-mapped, so a
 * client on a dual-stack socket gets the same ID as over IPv4. An ID issued at {@code ts} is valid
 * while {@code now - lifetime <= ts <= now + maxClockSkew}, both ends included; times are compared
 * modulo 2<sup>32</sup> (serial-number arithmetic), so IDs keep working after 2106.
 *
 * <p>Thread-safe, through one lock. A thread that checks many IDs, such as a UDP worker, takes its
 * own {@link #newSigner() Signer} instead: no lock and no thread-local lookup (on an application
 * server's pooled threads, thread-local maps are crowded, and a lookup cost more than the HMAC).
 */
public final class ConnectionIds implements ConnectionIdCheck {
  /** The shortest lifetime: BEP 15 asks trackers to accept an ID for two minutes. */
  public static final Duration MIN_LIFETIME = Duration.ofSeconds(120);

  private static final String ALGORITHM = "HmacSHA256";

  /** HMAC pads a key to the hash's 64-byte block with zeros, so this is the empty key's HMAC. */
  private static final int BLOCK_SIZE = 64;

  private static final int RANDOM_KEY_LENGTH = 32;

  /** The modular comparison needs {@code lifetime + maxClockSkew} to fit in an int. */
  private static final long MAX_WINDOW_SECONDS = Integer.MAX_VALUE;

  private final SecretKeySpec key;
  private final long lifetimeSeconds;
  private final long skewSeconds;
  private final InstantSource clock;
  private final Signer shared;

  /**
   * Creates the issuer and checker for one key.
   *
   * @param key the HMAC key; the empty key is allowed (it equals 64 zero bytes in HMAC), but only
   *     tests should use it
   * @param lifetime how long an ID stays valid after it was issued, at least {@link #MIN_LIFETIME};
   *     whole seconds count
   * @param maxClockSkew how far in the future an ID's issue time may be (another node's clock), 0
   *     or more; whole seconds count
   * @param clock the source of {@code now}
   * @throws IllegalArgumentException if the lifetime is below 120 s, the skew is negative, or the
   *     two together reach 2<sup>31</sup> s (68 years)
   */
  public ConnectionIds(byte[] key, Duration lifetime, Duration maxClockSkew, InstantSource clock) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(lifetime, "lifetime");
    Objects.requireNonNull(maxClockSkew, "maxClockSkew");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (lifetime.compareTo(MIN_LIFETIME) < 0) {
      throw new IllegalArgumentException("the connection ID lifetime must be at least 120s");
    }
    if (maxClockSkew.isNegative()) {
      throw new IllegalArgumentException("the maximum clock skew cannot be negative");
    }
    lifetimeSeconds = lifetime.getSeconds();
    skewSeconds = maxClockSkew.getSeconds();
    if (lifetimeSeconds > MAX_WINDOW_SECONDS - skewSeconds) {
      throw new IllegalArgumentException("lifetime plus clock skew must be below 2^31 seconds");
    }
    // javax.crypto refuses an empty key; zero padding makes 64 zero bytes the same HMAC key.
    this.key = new SecretKeySpec(key.length == 0 ? new byte[BLOCK_SIZE] : key, ALGORITHM);
    shared = new Signer();
  }

  /** Returns 32 random bytes from {@link SecureRandom}, for a key nobody configured. */
  public static byte[] randomKey() {
    byte[] key = new byte[RANDOM_KEY_LENGTH];
    new SecureRandom().nextBytes(key);
    return key;
  }

  /** Returns a new connection ID for {@code source}, issued now. */
  public long generate(IpAddress source) {
    synchronized (shared) {
      return shared.generate(source);
    }
  }

  /**
   * Returns whether {@code connectionId} was issued by a holder of this key to {@code source} and
   * is within its validity window. The tag is computed only for IDs inside the window, and compared
   * in constant time.
   */
  @Override
  public boolean valid(long connectionId, IpAddress source) {
    synchronized (shared) {
      return shared.valid(connectionId, source);
    }
  }

  /**
   * Returns the first 4 bytes, big-endian, of HMAC-SHA256(key, issued || address[0, length)) for
   * any address bytes, including forms {@link IpAddress} never holds (the vectors of chihaya's
   * connection_id_test.go).
   */
  int tag(int issued, byte[] address, int length) {
    synchronized (shared) {
      return shared.tag(issued, address, length);
    }
  }

  /** Returns an issuer and checker of the same IDs for use by one thread at a time. */
  public Signer newSigner() {
    return new Signer();
  }

  private long nowSeconds() {
    return Math.floorDiv(clock.millis(), 1000L);
  }

  private static Mac newMac(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has HmacSHA256", e);
    }
  }

  /**
   * Issues and checks the IDs of its {@link ConnectionIds} with a MAC and scratch arrays of its
   * own: not thread-safe, and a call allocates nothing beyond what the HMAC implementation needs.
   */
  public final class Signer implements ConnectionIdCheck {
    private final Mac mac = newMac(key);
    private final byte[] time = new byte[4];
    private final byte[] address = new byte[16];
    private final byte[] digest = new byte[mac.getMacLength()];

    private Signer() {}

    /** Returns a new connection ID for {@code source}, issued now. */
    public long generate(IpAddress source) {
      int issued = (int) nowSeconds();
      return (long) issued << 32 | (tag(issued, source) & 0xFFFF_FFFFL);
    }

    /** Same as {@link ConnectionIds#valid}. */
    @Override
    public boolean valid(long connectionId, IpAddress source) {
      int issued = (int) (connectionId >>> 32);
      int age = (int) nowSeconds() - issued;
      if (age > lifetimeSeconds || age < -skewSeconds) {
        return false;
      }
      // One int comparison does not depend on where the tags differ.
      return tag(issued, source) == (int) connectionId;
    }

    private int tag(int issued, IpAddress source) {
      source.writeTo(address, 0);
      return tag(issued, address, source.family().addressLength());
    }

    int tag(int issued, byte[] addressBytes, int length) {
      time[0] = (byte) (issued >>> 24);
      time[1] = (byte) (issued >>> 16);
      time[2] = (byte) (issued >>> 8);
      time[3] = (byte) issued;
      mac.update(time, 0, time.length);
      mac.update(addressBytes, 0, length);
      try {
        mac.doFinal(digest, 0);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the digest array has the MAC's length", e);
      }
      return (digest[0] & 0xFF) << 24
          | (digest[1] & 0xFF) << 16
          | (digest[2] & 0xFF) << 8
          | (digest[3] & 0xFF);
    }
  }
}
