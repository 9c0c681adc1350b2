/**
 * The tracker logic: {@link io.karuta.logic.TrackerLogic}, the entry point both frontends call, and
 * the two built-in hooks that read the peer store before the reply (peer selection, BEP 3 and BEP 7
 * address families) and write it after the reply (the swarm update).
 */
package io.karuta.logic;
