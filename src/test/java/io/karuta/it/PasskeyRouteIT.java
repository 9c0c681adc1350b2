package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Routes come from configuration; the test configuration adds {@code /:passkey/announce}. */
class PasskeyRouteIT extends DeployedTracker {

  @Test
  void aRouteWithAPathParameterAnnounces() {
    Announce announce = Announce.fresh().peer(1, 6881);
    TrackerClient.Reply reply = ipv4().get("/abc123secret/announce?" + announce.query());
    assertEquals(200, reply.status());
    assertEquals(1L, reply.dict().get("incomplete"));
  }

  @Test
  void otherPathsAreNotTrackerRoutes() {
    assertEquals(404, ipv4().get("/abc/def/announce").status());
    assertEquals(404, ipv4().get("/scrape/x").status());
  }
}
