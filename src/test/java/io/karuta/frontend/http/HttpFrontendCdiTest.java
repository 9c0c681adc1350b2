package io.karuta.frontend.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.bencode.BencodeReader;
import io.karuta.middleware.AnnounceContext;
import io.karuta.middleware.Hook;
import io.karuta.testing.TrackerContainer;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP frontend wired by CDI: what a hook sees of an HTTP request, and how it can refuse. */
class HttpFrontendCdiTest {
  private static final String QUERY =
      "info_hash=%124Vx%9A%BC%DE%F1%23Eg%89%AB%CD%EF%124Vx%9A&peer_id=-qB4650-abcdefghijkl"
          + "&port=6881&uploaded=0&downloaded=0&left=1000&compact=1&key=abc";

  private WeldContainer container;

  /** Refuses unless the passkey route parameter and the query's key are what the test sent. */
  @Dependent
  @Named("passkey check")
  public static class PasskeyCheck implements Hook {
    static final ClientError DENIED = new ClientError("unapproved passkey");
    static final ClientError BUSY = new ClientError("passkey service busy", 2);

    @Override
    public void handleAnnounce(AnnounceContext context) {
      var params = context.request().params();
      if ("busy".equals(params.routeParam("passkey"))) {
        throw BUSY;
      }
      if (!"s3cret".equals(params.routeParam("passkey")) || !"abc".equals(params.get("key"))) {
        throw DENIED;
      }
    }
  }

  @BeforeEach
  void start() {
    container =
        TrackerContainer.start(
            Map.of(
                "karuta.http.announce_routes", "/announce,/:passkey/announce",
                "karuta.prehooks[0].name", "passkey check"),
            HttpFrontend.class,
            PasskeyCheck.class);
  }

  @AfterEach
  void stop() {
    container.shutdown();
  }

  @Test
  void hooksSeeTheRouteParameterAndTheQuery() {
    HttpReply reply = frontend().handle("/s3cret/announce", QUERY, "127.0.0.1", name -> null);
    assertEquals(200, reply.status());
    assertTrue(
        decode(reply).containsKey("peers"), new String(reply.body(), StandardCharsets.ISO_8859_1));
  }

  @Test
  void aHookRefusalBecomesTheFailureReason() {
    HttpReply wrongKey = frontend().handle("/other/announce", QUERY, "::1", name -> null);
    assertEquals(200, wrongKey.status());
    assertEquals(
        "unapproved passkey",
        new String((byte[]) decode(wrongKey).get("failure reason"), StandardCharsets.UTF_8));
    assertEquals(1, decode(wrongKey).size(), "no retry in: the refusal carries no retry hint");
    HttpReply noPasskey = frontend().handle("/announce", QUERY, "127.0.0.1", name -> null);
    assertTrue(decode(noPasskey).containsKey("failure reason"));
  }

  @Test
  void aRefusalWithARetryHintGetsRetryIn() {
    HttpReply busy = frontend().handle("/busy/announce", QUERY, "127.0.0.1", name -> null);
    assertEquals(200, busy.status());
    assertEquals(
        "d14:failure reason20:passkey service busy8:retry ini2ee",
        new String(busy.body(), StandardCharsets.ISO_8859_1));
  }

  private HttpFrontend frontend() {
    return container.select(HttpFrontend.class).get();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> decode(HttpReply reply) {
    return (Map<String, Object>) BencodeReader.decode(reply.body());
  }
}
