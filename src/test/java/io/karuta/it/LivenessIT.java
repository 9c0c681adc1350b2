package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code GET /} says the tracker is up, on both address families; unknown paths get 404. */
class LivenessIT extends DeployedTracker {

  @Test
  void theRootAnswersOnIpv4AndIpv6() {
    for (TrackerClient client : new TrackerClient[] {ipv4(), ipv6()}) {
      TrackerClient.Reply reply = client.get("/");
      assertEquals(200, reply.status());
      assertTrue(reply.contentType().startsWith("text/plain"), reply.contentType());
      assertTrue(reply.text().contains("up"), reply.text());
    }
  }

  @Test
  void aPathThatIsNoRouteIsNotFound() {
    TrackerClient.Reply reply = ipv4().get("/announce2?info_hash=x");
    assertEquals(404, reply.status());
    assertEquals("not found", new String((byte[]) reply.dict().get("failure reason")));
    assertEquals(404, ipv4().get("/application.wadl").status(), "no generated WADL");
  }

  @Test
  void onlyGetIsServed() {
    assertEquals(405, ipv4().post("/announce").status());
  }
}
