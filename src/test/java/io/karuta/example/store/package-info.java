/**
 * An example peer store written the way an integrator writes one, outside Karuta's own packages and
 * against its public API only: {@link io.karuta.example.store.CountingStoreFactory}, named {@code
 * example: counting memory}. {@code CountingPeerStoreTest} runs Karuta's store contract test
 * against it; {@code io.karuta.it.ThirdPartyJarsIT} packages it in a jar of its own in the WAR's
 * {@code WEB-INF/lib} and starts the tracker on it. {@code docs/storage/writing-a-store.md}
 * explains how.
 */
package io.karuta.example.store;
