package io.karuta.frontend.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.bencode.BencodeReader;
import io.karuta.config.ConfigLookup;
import io.karuta.config.ConfigReader;
import io.karuta.config.TrackerConfig;
import io.karuta.container.AfterResponse;
import io.karuta.container.Maintenance;
import io.karuta.logic.ResponseHook;
import io.karuta.logic.SwarmInteractionHook;
import io.karuta.logic.TrackerLogic;
import io.karuta.middleware.AnnounceContext;
import io.karuta.middleware.Hook;
import io.karuta.middleware.HookChain;
import io.karuta.middleware.PostHookInterceptor;
import io.karuta.middleware.PreHookInterceptor;
import io.karuta.storage.PeerStoreProducer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jboss.weld.environment.se.Weld;
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

    @Override
    public void handleAnnounce(AnnounceContext context) {
      var params = context.request().params();
      if (!"s3cret".equals(params.routeParam("passkey")) || !"abc".equals(params.get("key"))) {
        throw DENIED;
      }
    }
  }

  /** The configuration and the container resources, as the server would provide them. */
  @ApplicationScoped
  public static class Resources {
    @Produces
    TrackerConfig config() {
      return ConfigReader.read(
          ConfigLookup.of(
              Map.of(
                  "karuta.http.announce_routes", "/announce,/:passkey/announce",
                  "karuta.prehooks[0].name", "passkey check")));
    }

    @Produces
    @AfterResponse
    Executor direct() {
      return Runnable::run;
    }

    @Produces
    @ApplicationScoped
    @Maintenance
    ScheduledExecutorService scheduler() {
      return Executors.newSingleThreadScheduledExecutor();
    }

    void stop(@Disposes @Maintenance ScheduledExecutorService scheduler) {
      scheduler.shutdownNow();
    }
  }

  @BeforeEach
  void start() {
    container =
        new Weld()
            .disableDiscovery()
            .addBeanClasses(
                HttpFrontend.class,
                TrackerLogic.class,
                ResponseHook.class,
                SwarmInteractionHook.class,
                HookChain.class,
                PeerStoreProducer.class,
                PreHookInterceptor.class,
                PostHookInterceptor.class,
                Resources.class,
                PasskeyCheck.class)
            .initialize();
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
    HttpReply noPasskey = frontend().handle("/announce", QUERY, "127.0.0.1", name -> null);
    assertTrue(decode(noPasskey).containsKey("failure reason"));
  }

  private HttpFrontend frontend() {
    return container.select(HttpFrontend.class).get();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> decode(HttpReply reply) {
    return (Map<String, Object>) BencodeReader.decode(reply.body());
  }
}
