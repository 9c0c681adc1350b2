/**
 * Where swarms live: the {@link io.karuta.storage.PeerStore} contract shared by every
 * implementation, and the CDI producer that picks the implementation named by {@code storage.name}.
 */
package io.karuta.storage;
