package io.karuta.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.QueryParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentEncodingTest {
  @Test
  void everyByteValueSurvivesKarutasOwnQueryParser() {
    for (int start = 0; start < 256; start += 20) {
      byte[] hash = new byte[20];
      for (int i = 0; i < 20; i++) {
        hash[i] = (byte) (start + i);
      }
      String query = "info_hash=" + PercentEncoding.encode(hash);

      assertEquals(
          List.of(InfoHash.of(hash)),
          QueryParser.parseQuery("/announce", query).infoHashes(),
          query);
    }
  }

  @Test
  void unreservedCharactersStayAndEverythingElseIsEscapedInUpperCase() {
    assertEquals(
        "-KC0001-az.Z_9~%20%2B%26%3D%25%00%FF",
        PercentEncoding.encode(
            new byte[] {
              '-',
              'K',
              'C',
              '0',
              '0',
              '0',
              '1',
              '-',
              'a',
              'z',
              '.',
              'Z',
              '_',
              '9',
              '~',
              ' ',
              '+',
              '&',
              '=',
              '%',
              0,
              (byte) 0xFF
            }));
  }
}
