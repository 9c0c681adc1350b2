package io.karuta.storage;

import io.karuta.config.ConfigException;
import io.karuta.config.TrackerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Produces the one {@link PeerStore} of the application: the {@link PeerStoreFactory} bean named by
 * {@code storage.name} makes it. An unknown name stops the start, listing the names available.
 */
@ApplicationScoped
public class PeerStoreProducer {
  private static final Logger LOG = Logger.getLogger(PeerStoreProducer.class.getName());

  @Inject TrackerConfig config;
  @Inject @Any Instance<PeerStoreFactory> factories;

  // A pseudo-scope without a client proxy: the store is called several times per request, and a
  // proxy would look up its context on every call.
  @Produces
  @Singleton
  PeerStore peerStore() {
    String name = config.storage().name();
    Instance<PeerStoreFactory> named = factories.select(NamedLiteral.of(name));
    if (named.isUnsatisfied()) {
      throw new ConfigException(
          "karuta.storage.name: no store is named '" + name + "' (available: " + names() + ")");
    }
    if (named.isAmbiguous()) {
      throw new ConfigException(
          "karuta.storage.name: more than one store factory is named '" + name + "'");
    }
    PeerStore store = named.get().create(config.storage().options());
    LOG.info("peer store: " + name);
    return store;
  }

  private String names() {
    TreeSet<String> names = new TreeSet<>();
    for (Instance.Handle<PeerStoreFactory> handle : factories.handles()) {
      if (handle.getBean().getName() != null) {
        names.add(handle.getBean().getName());
      }
    }
    return names.isEmpty() ? "none" : String.join(", ", names);
  }

  // Static, so closing at shutdown does not need this (already destroyed) bean again.
  static void close(@Disposes PeerStore store) {
    store.close();
  }
}
