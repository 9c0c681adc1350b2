package io.karuta.frontend.udp;

import static io.karuta.frontend.udp.UdpFixtures.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.IpAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionIdsTest {
  private static final long T = 1_700_000_000L;
  private static final IpAddress CLIENT = IpAddress.parse("10.0.0.1");
  private static final byte[] SECRET = "secret".getBytes(StandardCharsets.UTF_8);

  /** A clock at whole unix seconds that tests set by hand. */
  private final AtomicLong now = new AtomicLong(T);

  private final InstantSource clock = () -> Instant.ofEpochSecond(now.get());

  private ConnectionIds ids(byte[] key, long lifetimeSeconds, long skewSeconds) {
    return new ConnectionIds(
        key, Duration.ofSeconds(lifetimeSeconds), Duration.ofSeconds(skewSeconds), clock);
  }

  private ConnectionIds issuedAt(long issued, byte[] key) {
    now.set(issued);
    return ids(key, 120, 10);
  }

  /**
   * chihaya's frontend/udp/connection_id_test.go, the rows whose address {@link IpAddress} can
   * hold.
   */
  @ParameterizedTest
  @CsvSource({
    "0, 127.0.0.1, '', 000000001de70a69",
    "0, ::, '', 00000000600933d0",
    "1700000000, 10.0.0.1, secret, 6553f1004d1e6382",
    "1700000000, 2001:db8::1, secret, 6553f10008e2e6e7",
  })
  void vectors(long issued, String ip, String key, String expected) {
    ConnectionIds ids = issuedAt(issued, key.getBytes(StandardCharsets.UTF_8));
    long id = ids.generate(IpAddress.parse(ip));
    assertEquals(expected, String.format("%016x", id));
    assertTrue(ids.valid(id, IpAddress.parse(ip)));
  }

  /** A worker's own signer issues and accepts exactly the IDs of the shared, locked instance. */
  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.1", "2001:db8::1"})
  void aSignerMatchesItsConnectionIds(String ip) {
    ConnectionIds ids = issuedAt(T, SECRET);
    ConnectionIds.Signer signer = ids.newSigner();
    IpAddress source = IpAddress.parse(ip);
    long id = ids.generate(source);
    assertEquals(id, signer.generate(source));
    assertTrue(signer.valid(id, source));
    assertTrue(ids.valid(signer.generate(source), source));
    assertFalse(signer.valid(id ^ 1, source), "one tag bit off");
    assertFalse(signer.valid(id, IpAddress.parse("10.0.0.2")), "another address");
    now.set(T + 121);
    assertFalse(signer.valid(id, source), "expired");
  }

  /**
   * chihaya's connection_id_test.go, the rows whose address bytes {@link IpAddress} never produces:
   * 127.0.0.1 as 16 v4-mapped bytes (normalised to 4 bytes on the live path) and the empty address.
   * They check the same HMAC helper directly.
   */
  @ParameterizedTest
  @CsvSource({
    "00 00 00 00 00 00 00 00 00 00 ff ff 7f 00 00 01, c0417cfb",
    "'', aa7855e1",
  })
  void vectorsOfAddressBytesOutsideIpAddress(String address, String expectedTag) {
    byte[] bytes = bytes(address);
    int tag = issuedAt(0, new byte[0]).tag(0, bytes, bytes.length);
    assertEquals(expectedTag, String.format("%08x", tag));
  }

  /** The empty key and 64 zero bytes are one HMAC key; shorter zero keys too (zero padding). */
  @Test
  void emptyKeyIsTheAllZeroKey() {
    long empty = issuedAt(0, new byte[0]).generate(CLIENT);
    assertEquals(empty, issuedAt(0, new byte[64]).generate(CLIENT));
    assertEquals(empty, issuedAt(0, new byte[1]).generate(CLIENT));
    assertNotEquals(empty, issuedAt(0, new byte[65]).generate(CLIENT));
  }

  /** chihaya's golden cases: max skew 1 min, key "", lifetime 2 min. */
  @Test
  void chihayaGoldenCases() {
    now.set(0);
    ConnectionIds ids = ids(new byte[0], 120, 60);
    long created0 = ids.generate(IpAddress.parse("127.0.0.1"));
    now.set(1);
    assertTrue(ids.valid(created0, IpAddress.parse("127.0.0.1")));
    now.set(420420);
    assertFalse(ids.valid(created0, IpAddress.parse("127.0.0.1")));
  }

  /**
   * chihaya's connection_id_test.go: issued at T, skew 10 s; both ends of the window are included.
   */
  @ParameterizedTest
  @CsvSource({
    "120, 120, true",
    "120, 121, false",
    "120, -10, true",
    "120, -11, false",
    "120, 0, true",
    "300, 300, true",
    "300, 301, false",
  })
  void validityWindow(long lifetime, long offset, boolean valid) {
    now.set(T);
    ConnectionIds ids = ids(SECRET, lifetime, 10);
    long id = ids.generate(CLIENT);
    now.set(T + offset);
    assertEquals(valid, ids.valid(id, CLIENT));
  }

  @Test
  void withoutSkewAnIdFromTheFutureIsInvalid() {
    now.set(T);
    ConnectionIds ids = ids(SECRET, 120, 0);
    long id = ids.generate(CLIENT);
    now.set(T - 1);
    assertFalse(ids.valid(id, CLIENT));
  }

  @Test
  void subSecondClockReadingsCountTheWholeSecond() {
    ConnectionIds ids =
        new ConnectionIds(
            SECRET,
            Duration.ofSeconds(120),
            Duration.ZERO,
            InstantSource.fixed(Instant.ofEpochSecond(T, 999_999_999)));
    assertEquals(T, ids.generate(CLIENT) >>> 32);
  }

  @Test
  void everyFlippedBitIsRejected() {
    ConnectionIds ids = issuedAt(T, SECRET);
    long id = ids.generate(CLIENT);
    for (int bit = 0; bit < 64; bit++) {
      assertFalse(ids.valid(id ^ (1L << bit), CLIENT), "bit " + bit);
    }
  }

  @Test
  void aTagFromAnotherKeyIsRejected() {
    long forged = issuedAt(T, "other".getBytes(StandardCharsets.UTF_8)).generate(CLIENT);
    assertFalse(issuedAt(T, SECRET).valid(forged, CLIENT));
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.2", "11.0.0.1", "::a00:1", "2001:db8::1"})
  void anotherAddressIsRejected(String other) {
    ConnectionIds ids = issuedAt(T, SECRET);
    assertFalse(ids.valid(ids.generate(CLIENT), IpAddress.parse(other)));
  }

  @Test
  void ipv4AndV4MappedSourcesShareTheirIds() {
    ConnectionIds ids = issuedAt(T, SECRET);
    IpAddress mapped = IpAddress.of(bytes("00 00 00 00 00 00 00 00 00 00 ff ff 0a 00 00 01"));
    assertEquals(ids.generate(CLIENT), ids.generate(mapped));
    assertTrue(ids.valid(ids.generate(CLIENT), mapped));
    assertTrue(ids.valid(ids.generate(mapped), CLIENT));
  }

  /** Stateless: another instance with the same key, as after a restart or on another node. */
  @Test
  void instancesWithOneKeyAcceptEachOthersIds() {
    long id = issuedAt(T, SECRET).generate(CLIENT);
    assertTrue(ids(SECRET.clone(), 300, 10).valid(id, CLIENT));
  }

  @Test
  void theCallersKeyArrayIsCopied() {
    byte[] key = SECRET.clone();
    ConnectionIds ids = issuedAt(T, key);
    long id = ids.generate(CLIENT);
    key[0] ^= 1;
    assertTrue(ids.valid(id, CLIENT));
  }

  /** Issue times are compared modulo 2^32, so the wrap in 2106 does not expire every ID. */
  @Test
  void validAcrossTheUint32Wrap() {
    long wrap = 1L << 32;
    ConnectionIds ids = ids(SECRET, 120, 10);
    now.set(wrap - 5);
    long before = ids.generate(CLIENT);
    now.set(wrap + 3);
    long after = ids.generate(CLIENT);
    assertEquals(wrap - 5, before >>> 32);
    assertEquals(3, after >>> 32);
    now.set(wrap + 50);
    assertTrue(ids.valid(before, CLIENT));
    assertTrue(ids.valid(after, CLIENT));
    now.set(wrap + 116);
    assertFalse(ids.valid(before, CLIENT));
    now.set(wrap - 7);
    assertTrue(ids.valid(after, CLIENT));
    now.set(wrap - 8);
    assertFalse(ids.valid(after, CLIENT));
  }

  @Test
  void threadsGetTheSameIds() {
    ConnectionIds ids = issuedAt(T, SECRET);
    List<IpAddress> sources =
        IntStream.range(0, 2000).mapToObj(i -> IpAddress.ofIpv4(0x0a000000 + i)).toList();
    List<Long> serial = sources.stream().map(ids::generate).toList();
    List<Long> parallel = sources.parallelStream().map(ids::generate).toList();
    assertEquals(serial, parallel);
    assertTrue(
        IntStream.range(0, sources.size())
            .parallel()
            .allMatch(i -> ids.valid(serial.get(i), sources.get(i))));
  }

  @Test
  void lifetimeBelow120sIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> ids(SECRET, 119, 10));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ConnectionIds(SECRET, Duration.ofMillis(119_999), Duration.ZERO, clock));
    ids(SECRET, 120, 0);
  }

  @Test
  void otherSettingsOutOfRangeAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> ids(SECRET, 120, -1));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ConnectionIds(
                SECRET, Duration.ofDays(1), Duration.ofSeconds(Long.MAX_VALUE), clock));
    assertThrows(IllegalArgumentException.class, () -> ids(SECRET, Integer.MAX_VALUE, 1));
    ids(SECRET, Integer.MAX_VALUE - 1L, 1);
    assertThrows(NullPointerException.class, () -> ids(null, 120, 0));
  }

  @Test
  void randomKeysAre32FreshBytes() {
    byte[] a = ConnectionIds.randomKey();
    byte[] b = ConnectionIds.randomKey();
    assertEquals(32, a.length);
    assertFalse(Arrays.equals(a, b));
  }
}
