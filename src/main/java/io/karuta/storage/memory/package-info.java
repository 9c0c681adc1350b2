/**
 * The in-memory {@link io.karuta.storage.PeerStore}: one lock per swarm, peers packed into
 * primitive arrays (32 bytes per IPv4 peer plus its index slot), and a periodic sweep that expires
 * peers.
 */
package io.karuta.storage.memory;
