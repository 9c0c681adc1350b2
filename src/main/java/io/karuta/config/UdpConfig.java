package io.karuta.config;

import io.karuta.bittorrent.Sanitizer;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The UDP frontend's settings (chihaya's {@code udp.*}). Immutable and thread-safe; {@link
 * #toString()} never shows the private key.
 *
 * @param addr the address to bind, such as {@code [::]:6969}; empty when the UDP frontend is off
 * @param privateKey the HMAC key for connection IDs; {@code ""} when unset, in which case the
 *     frontend picks a random one (then instances behind one address cannot share connection IDs)
 * @param maxClockSkew how far in the future a connection ID's timestamp may be, 0 to 5m
 * @param connectionIdLifetime how long a connection ID stays valid, 2m to 1h (BEP 15 asks for 2m;
 *     real clients reuse IDs later)
 * @param workers threads that answer datagrams, 1 to 64, or 0 to size them by the peer store (see
 *     {@link io.karuta.storage.PeerStore#callerThreads()}), at most 64
 * @param receiveBuffer the kernel receive buffer of each worker's socket in bytes, 16 KiB to 256
 *     MiB (the kernel may cap it at {@code net.core.rmem_max}); datagrams beyond it are dropped
 * @param allowIpSpoofing whether the IP field of an announce packet is used
 * @param maxNumWant the most peers one reply may carry, 1 to 1000
 * @param defaultNumWant peers for a client that did not say, 0 to {@code maxNumWant}
 * @param maxScrapeInfoHashes the most info-hashes one scrape answers, 1 to 1000
 */
public record UdpConfig(
    Optional<ListenAddress> addr,
    String privateKey,
    Duration maxClockSkew,
    Duration connectionIdLifetime,
    int workers,
    int receiveBuffer,
    boolean allowIpSpoofing,
    int maxNumWant,
    int defaultNumWant,
    int maxScrapeInfoHashes) {

  /** Checks for nulls. */
  public UdpConfig {
    Objects.requireNonNull(addr, "addr");
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(maxClockSkew, "maxClockSkew");
    Objects.requireNonNull(connectionIdLifetime, "connectionIdLifetime");
  }

  /** Returns the sanitising rules with this frontend's numwant and scrape limits. */
  public Sanitizer sanitizer() {
    return new Sanitizer(maxNumWant, defaultNumWant, maxScrapeInfoHashes);
  }

  /** Returns the settings with the private key shown as {@code REDACTED} (or {@code ""}). */
  @Override
  public String toString() {
    return "UdpConfig[addr="
        + addr.map(ListenAddress::toString).orElse("")
        + ", privateKey="
        + (privateKey.isEmpty() ? "\"\"" : ConfigDump.REDACTED)
        + ", maxClockSkew="
        + GoDuration.format(maxClockSkew)
        + ", connectionIdLifetime="
        + GoDuration.format(connectionIdLifetime)
        + ", workers="
        + workers
        + ", receiveBuffer="
        + receiveBuffer
        + ", allowIpSpoofing="
        + allowIpSpoofing
        + ", maxNumWant="
        + maxNumWant
        + ", defaultNumWant="
        + defaultNumWant
        + ", maxScrapeInfoHashes="
        + maxScrapeInfoHashes
        + "]";
  }
}
