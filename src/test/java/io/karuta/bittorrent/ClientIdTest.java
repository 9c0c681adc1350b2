package io.karuta.bittorrent;

import static io.karuta.bittorrent.Fixtures.latin1;
import static io.karuta.bittorrent.Fixtures.peerId;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientIdTest {

  /** chihaya's {@code client_id_test.go} table (bittorrent/client_id_test.go). */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          -AZ3034-6wfG2wk6wWLc | AZ3034
          -AZ3042-6ozMq5q6Q3NX | AZ3042
          -BS5820-oy4La2MWGEFj | BS5820
          -AR6360-6oZyyMWoOOBe | AR6360
          -AG2083-s1hiF8vGAAg0 | AG2083
          -AG3003-lEl2Mm4NEO4n | AG3003
          -MR1100-00HS~T7*65rm | MR1100
          -LK0140-ATIV~nbEQAMr | LK0140
          -KT2210-347143496631 | KT2210
          -TR0960-6ep6svaa61r4 | TR0960
          -XX1150-dv220cotgj4d | XX1150
          -AZ2504-192gwethivju | AZ2504
          -KT4310-3L4UvarKuqIu | KT4310
          -AZ2060-0xJQ02d4309O | AZ2060
          -BD0300-2nkdf08Jd890 | BD0300
          -A~0010-a9mn9DFkj39J | A~0010
          -UT2300-MNu93JKnm930 | UT2300
          -UT2300-KT4310KT4301 | UT2300
          T03A0----f089kjsdf6e | T03A0-
          S58B-----nKl34GoNb75 | S58B--
          M4-4-0--9aa757Efd5Bl | M4-4-0
          AZ2500BTeYUzyabAfo6U | AZ2500
          exbc0JdSklm834kj9Udf | exbc0J
          FUTB0L84j542mVc84jkd | FUTB0L
          XBT054d-8602Jn83NnF9 | XBT054
          OP1011affbecbfabeefb | OP1011
          -ML2.7.2-kgjjfkd9762 | ML2.7.
          -BOWA0C-SDLFJWEIORNM | BOWA0C
          Q1-0-0--dsn34DFn9083 | Q1-0-0
          Q1-10-0-Yoiumn39BDfO | Q1-10-
          346------SDFknl33408 | 346---
          QVOD0054ABFFEDCCDEDB | QVOD00
          """)
  void takesSixBytesFromThePeerId(String peerId, String clientId) {
    ClientId id = ClientId.of(peerId(peerId));

    assertEquals(clientId, id.toString());
    assertArrayEquals(latin1(clientId), id.bytes());
    assertEquals(ClientId.of(clientId), id);
  }

  @Test
  void binaryPeerIdsGiveBinaryClientIds() {
    byte[] peerId = Fixtures.oneTo20();
    peerId[0] = (byte) 0xFF;

    assertArrayEquals(new byte[] {-1, 2, 3, 4, 5, 6}, ClientId.of(PeerId.of(peerId)).bytes());
    assertEquals(
        ClientId.of("\u00ff\u0002\u0003\u0004\u0005\u0006"), ClientId.of(PeerId.of(peerId)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "AZ206", "AZ20600", "-AZ2060-", "AZ206\u20ac", "AZ20\ud83d\ude00"})
  void textMustBeSixSingleByteCharacters(String text) {
    assertThrows(IllegalArgumentException.class, () -> ClientId.of(text));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 5, 7, 20})
  void constructorNeedsSixBytes(int length) {
    assertThrows(IllegalArgumentException.class, () -> new ClientId(new byte[length]));
  }

  @Test
  void constructorRejectsNull() {
    assertThrows(IllegalArgumentException.class, () -> new ClientId(null));
  }

  @Test
  void equalityFollowsTheBytesAndNoArrayIsShared() {
    byte[] bytes = latin1("AZ2060");
    ClientId id = new ClientId(bytes);
    bytes[0] = 'X';
    id.bytes()[1] = 'X';

    assertEquals(ClientId.of("AZ2060"), id);
    assertEquals(ClientId.of("AZ2060").hashCode(), id.hashCode());
    assertNotEquals(ClientId.of("AZ2061"), id);
    assertEquals("AZ2060", id.toString());
  }
}
