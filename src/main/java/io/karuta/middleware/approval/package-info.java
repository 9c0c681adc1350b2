/**
 * Access lists for public trackers (chihaya's {@code clientapproval} and {@code torrentapproval}
 * middleware): the {@code client approval} hook admits or refuses announces by the client ID in the
 * peer ID (BEP 20's conventions), and the {@code torrent approval} hook by info-hash (BEP 3), from
 * lists in the options and, for torrents, from a file that is read again when it changes.
 */
package io.karuta.middleware.approval;
