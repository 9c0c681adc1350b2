package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** BEP 41 URL data reaches hooks as request parameters, exactly like an HTTP query. */
class UdpUrlDataIT extends DeployedTracker {

  @Test
  void aHookSeesUrlDataParameters() {
    long id = udp4().connect();
    byte[] refused =
        UdpTrackerClient.announce(
            id,
            11,
            Announce.randomInfoHash(),
            "-KR0001-000000000001",
            10,
            2,
            10,
            9101,
            UdpTrackerClient.urlData("/announce?probe=refuse"));
    assertEquals(
        "refused by the probe hook", UdpTrackerClient.errorText(udp4().exchange(refused), 11));
    byte[] accepted =
        UdpTrackerClient.announce(
            id,
            12,
            Announce.randomInfoHash(),
            "-KR0001-000000000001",
            10,
            2,
            10,
            9101,
            UdpTrackerClient.urlData("/announce?probe=pass"));
    assertEquals(1, ByteBuffer.wrap(udp4().exchange(accepted)).getInt(0));
  }

  @Test
  void theSameHookSeesHttpQueriesAndRouteParameters() {
    Announce announce = Announce.fresh().peer(1, 9102);
    assertEquals(
        "refused by the probe hook", ipv4().announce(announce.with("&probe=refuse")).failure());
    assertEquals(
        "refused by the probe hook", ipv4().get("/refuse/announce?" + announce.query()).failure());
  }
}
