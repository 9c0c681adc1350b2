package io.karuta.it;

import io.karuta.example.BlockedPortsHook;
import java.io.File;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of every integration test: deploys {@code target/karuta.war}, the artifact users get, plus
 * two test hooks ({@link ProbeHook}, {@link LingerHook}) and the example hook {@link
 * BlockedPortsHook}, added the way integrators add theirs, with the configuration in {@code
 * src/test/resources/it/karuta-it.yaml}.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class DeployedTracker {

  /** The WAR built by {@code mvn package}, with the test and example hooks added. */
  @Deployment(testable = false)
  public static WebArchive karuta() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/karuta.war"))
        .addClass(ProbeHook.class)
        .addClass(LingerHook.class)
        .addClass(BlockedPortsHook.class);
  }

  /** A UDP tracker client for the deployed tracker over IPv4 loopback. */
  protected static UdpTrackerClient udp4() {
    return new UdpTrackerClient("127.0.0.1");
  }

  /** A UDP tracker client for the deployed tracker over IPv6 loopback. */
  protected static UdpTrackerClient udp6() {
    return new UdpTrackerClient("::1");
  }

  /** A client for the deployed tracker over IPv4 loopback. */
  protected static TrackerClient ipv4() {
    return new TrackerClient("127.0.0.1");
  }

  /** A client for the deployed tracker over IPv6 loopback. */
  protected static TrackerClient ipv6() {
    return new TrackerClient("[::1]");
  }
}
