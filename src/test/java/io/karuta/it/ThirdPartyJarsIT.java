package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.example.BlockedPortsHook;
import io.karuta.example.store.CountingPeerStore;
import io.karuta.example.store.CountingStoreFactory;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Extension points as integrators use them: a peer store and a hook, each in a jar of its own with
 * a {@code META-INF/beans.xml}, dropped into {@code WEB-INF/lib} of the unchanged {@code
 * target/karuta.war} and named in the YAML file, run on Payara Micro with {@code --deploy}. Neither
 * needs a change to Karuta's sources.
 */
class ThirdPartyJarsIT {
  private static final String BEANS =
      "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\""
          + " bean-discovery-mode=\"annotated\"/>";

  private static KarutaProcess tracker;

  @RegisterExtension
  static final LogsOnFailure LOGS = new LogsOnFailure("ThirdPartyJarsIT", () -> "" + tracker);

  @BeforeAll
  static void start() throws Exception {
    JavaArchive store =
        ShrinkWrap.create(JavaArchive.class, "example-store-1.0.jar")
            .addClasses(CountingStoreFactory.class, CountingPeerStore.class)
            .addAsManifestResource(new StringAsset(BEANS), "beans.xml");
    JavaArchive hook =
        ShrinkWrap.create(JavaArchive.class, "blocked-ports-hook-1.0.jar")
            .addClass(BlockedPortsHook.class)
            .addAsManifestResource(new StringAsset(BEANS), "beans.xml");
    Path war = Path.of("target", "karuta-with-extensions.war");
    ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/karuta.war"))
        .addAsLibraries(store, hook)
        .as(ZipExporter.class)
        .exportTo(war.toFile(), true);
    tracker =
        KarutaProcess.launchWar(
            "third-party-jars",
            "karuta:\n"
                + "  storage:\n"
                + "    name: \"example: counting memory\"\n"
                + "    config:\n"
                + "      peer_lifetime: 31m\n"
                + "  prehooks:\n"
                + "    - name: \"example: blocked ports\"\n"
                + "      options:\n"
                + "        ports: [25]\n",
            war);
    tracker.awaitReady(Duration.ofSeconds(150));
  }

  @AfterAll
  static void stop() throws Exception {
    if (tracker != null) {
      tracker.stop();
    }
  }

  @Test
  void theStoreFromItsOwnJarHoldsTheSwarms() throws Exception {
    assertTrue(tracker.log().contains("peer store: example: counting memory"), tracker.log());
    assertTrue(tracker.log().contains("example store: counting announces"), tracker.log());
    Announce seeder = Announce.fresh().peer(1, 7201).left(0);
    assertEquals(null, tracker.http().announce(seeder).failure());
    Swarms.awaitCounts(tracker.http(), seeder.infoHash(), 1, 0, 0);
    ByteBuffer udp =
        UdpAnnounceIT.announce(
            tracker.udp(), seeder.infoHash(), "-KR0001-000000000002", 10, 2, 10, 7202);
    assertEquals(
        List.of("127.0.0.1:7201"), Swarms.compactPeers(UdpAnnounceIT.peers(udp), 6), "over UDP");
  }

  @Test
  void theHookFromItsOwnJarRefusesWhatItShould() {
    Announce blocked = Announce.fresh().peer(3, 25);
    assertEquals("port not allowed", tracker.http().announce(blocked).failure());
    assertEquals(null, tracker.http().announce(blocked.peer(4, 26)).failure());
  }
}
