/**
 * Protocol-neutral BitTorrent tracker values (BEP 3, BEP 7, BEP 15, BEP 23, BEP 48): info-hashes,
 * peer IDs, peers, events, announce and scrape requests and responses, the errors a client may see,
 * the tracker query-string parser, and the sanitising rules applied before a request reaches the
 * tracker logic.
 *
 * <p>This package imports nothing from Jakarta EE or from other Karuta packages, so every rule in
 * it is tested with plain JUnit.
 */
package io.karuta.bittorrent;
