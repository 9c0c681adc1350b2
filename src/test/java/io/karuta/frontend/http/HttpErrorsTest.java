package io.karuta.frontend.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.karuta.bittorrent.ClientError;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HttpErrorsTest {

  /**
   * chihaya's texts (frontend/http/parser.go and bittorrent/params.go) and Karuta's two, letter for
   * letter.
   */
  @Test
  void everyConstantHasItsExactText() throws IllegalAccessException {
    Map<String, String> expected = new TreeMap<>();
    expected.put("INVALID_EVENT", "failed to provide valid client event");
    expected.put("NO_INFO_HASH", "no info_hash parameter supplied");
    expected.put("MULTIPLE_INFO_HASHES", "multiple info_hash parameters supplied");
    expected.put("MISSING_PEER_ID", "failed to parse parameter: peer_id");
    expected.put("INVALID_PEER_ID", "failed to provide valid peer_id");
    expected.put("UNPARSABLE_LEFT", "failed to parse parameter: left");
    expected.put("UNPARSABLE_DOWNLOADED", "failed to parse parameter: downloaded");
    expected.put("UNPARSABLE_UPLOADED", "failed to parse parameter: uploaded");
    expected.put("UNPARSABLE_NUMWANT", "failed to parse parameter: numwant");
    expected.put("UNPARSABLE_PORT", "failed to parse parameter: port");
    expected.put("UNPARSABLE_IP", "failed to parse peer IP address");
    expected.put("QUERY_TOO_LONG", "query string too long");
    expected.put("NOT_FOUND", "not found");

    Map<String, String> actual = new TreeMap<>();
    for (Field field : HttpErrors.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == ClientError.class) {
        actual.put(field.getName(), ((ClientError) field.get(null)).getMessage());
      }
    }
    assertEquals(expected, actual);
  }
}
