package io.karuta.config;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Publishes the built-in defaults of the tracker's own settings at ordinal {@value #ORDINAL}, the
 * ordinal of the WAR's {@code microprofile-config.properties}, so every setting resolves through
 * MicroProfile Config and any other source overrides it. Registered through {@code
 * META-INF/services/org.eclipse.microprofile.config.spi.ConfigSource}. Immutable and thread-safe.
 */
public final class DefaultsConfigSource implements ConfigSource {
  /** The ordinal of this source. */
  public static final int ORDINAL = 100;

  /** Creates the source; called by MicroProfile Config through the service loader. */
  public DefaultsConfigSource() {}

  @Override
  public Map<String, String> getProperties() {
    return Defaults.properties();
  }

  @Override
  public Set<String> getPropertyNames() {
    return Defaults.properties().keySet();
  }

  @Override
  public String getValue(String propertyName) {
    return Defaults.properties().get(propertyName);
  }

  @Override
  public String getName() {
    return "KarutaDefaults";
  }

  @Override
  public int getOrdinal() {
    return ORDINAL;
  }
}
