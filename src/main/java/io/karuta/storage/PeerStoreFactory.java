package io.karuta.storage;

import io.karuta.config.Options;

/**
 * Makes one kind of {@link PeerStore}: an extension point, found by name as hooks are. A store's
 * factory is a CDI bean whose {@code @Named} value is the store's name, the value of {@code
 * storage.name}; a store in a jar of its own needs only such a bean in a bean archive (a jar with
 * {@code META-INF/beans.xml}) in the WAR's {@code WEB-INF/lib}. Karuta's own are {@code memory} and
 * {@code redis}.
 */
public interface PeerStoreFactory {

  /**
   * Makes the store, once, when the tracker starts.
   *
   * @param options the store's options ({@code storage.config.*}); reject the keys the store does
   *     not know with {@link Options#rejectUnknown}
   * @return the store; the application closes it when it stops
   * @throws io.karuta.config.ConfigException naming the bad option, which stops the start
   */
  PeerStore create(Options options);
}
