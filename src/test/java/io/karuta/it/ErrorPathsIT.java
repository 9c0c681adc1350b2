package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every way an HTTP request can be refused: HTTP 200 with chihaya's exact {@code failure reason},
 * and nothing else in the reply.
 */
class ErrorPathsIT extends DeployedTracker {
  private static final String HASH = TrackerClient.escape(new byte[20]);
  private static final String PEER = "peer_id=-KR0001-000000000001";
  private static final String VALID =
      "info_hash=" + HASH + "&" + PEER + "&port=6881&uploaded=0&downloaded=0&left=10";

  @Test
  void everyErrorPathGivesItsFailureReason() {
    String[][] cases = {
      {"/announce", "no info_hash parameter supplied"},
      {"/announce?" + VALID + "&event=foo", "failed to provide valid client event"},
      {"/announce?event=foo", "failed to provide valid client event"},
      {"/announce?" + VALID + "&info_hash=" + HASH, "multiple info_hash parameters supplied"},
      {"/announce?info_hash=%01%02", "provided invalid infohash"},
      {"/announce?" + VALID + "&key=%G1", "invalid query escape"},
      {
        "/announce?info_hash=" + HASH + "&port=6881&uploaded=0&downloaded=0&left=10",
        "failed to parse parameter: peer_id"
      },
      {
        "/announce?info_hash=" + HASH + "&peer_id=short&port=1&uploaded=0&downloaded=0&left=1",
        "failed to provide valid peer_id"
      },
      {
        "/announce?info_hash=" + HASH + "&" + PEER + "&port=6881&uploaded=0&downloaded=0",
        "failed to parse parameter: left"
      },
      {"/announce?" + VALID.replace("left=10", "left=-1"), "failed to parse parameter: left"},
      {
        "/announce?" + VALID.replace("downloaded=0", "downloaded=x"),
        "failed to parse parameter: downloaded"
      },
      {"/announce?" + VALID.replace("uploaded=0&", ""), "failed to parse parameter: uploaded"},
      {"/announce?" + VALID + "&numwant=abc", "failed to parse parameter: numwant"},
      {"/announce?" + VALID.replace("port=6881", "port=70000"), "failed to parse parameter: port"},
      {"/announce?" + VALID.replace("port=6881", "port=0"), "invalid port"},
      {"/announce?" + VALID + "&pad=" + "x".repeat(1100), "query string too long"},
      {"/scrape?info_hash=%01", "provided invalid infohash"},
      {"/scrape?" + PEER, "no info_hash parameter supplied"},
    };
    List<Executable> checks = new ArrayList<>();
    for (String[] c : cases) {
      checks.add(
          () -> {
            TrackerClient.Reply reply = ipv4().rawGet(c[0]);
            assertEquals(c[1], reply.failure(), c[0]);
            assertEquals(1, reply.dict().size(), "only the failure reason: " + c[0]);
          });
    }
    assertAll(checks);
  }

  @Test
  void spoofedAddressesAreIgnoredWhenSpoofingIsOff() {
    TrackerClient.Reply reply =
        ipv4()
            .get(
                "/announce?"
                    + VALID
                    + "&ip=203.0.113.9&ipv6=garbage&ipv4=1.2.3.4&ipv4=x&compact=1");
    assertEquals(
        List.of("127.0.0.1:6881"), Swarms.compactPeers((byte[]) reply.dict().get("peers"), 6));
  }
}
