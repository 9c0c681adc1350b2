/**
 * The {@code interval variation} hook (chihaya's {@code varinterval}): adds a few seconds to the
 * announce interval a client is told, so that clients which started together do not re-announce
 * together. The added delta is derived from the (info-hash, peer ID) pair with chihaya's
 * xorshift128+ steps, bit for bit, so a tracker migrated from chihaya hands every client the same
 * intervals.
 */
package io.karuta.middleware.varinterval;
