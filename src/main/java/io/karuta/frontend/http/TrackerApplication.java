package io.karuta.frontend.http;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** Activates JAX-RS for the whole context: the tracker routes are decided by {@link RouteTable}. */
@ApplicationPath("/")
public class TrackerApplication extends Application {

  /**
   * Turns off Jersey's generated {@code /application.wadl} (Payara): a tracker has nothing to
   * describe there. Other JAX-RS implementations ignore the property.
   */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
