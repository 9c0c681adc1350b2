/**
 * BEP 3 bencoding: {@link io.karuta.bittorrent.bencode.BencodeWriter}, a streaming writer for the
 * HTTP announce and scrape replies; {@link io.karuta.bittorrent.bencode.Bencode}, a tree encoder
 * built on it; and {@link io.karuta.bittorrent.bencode.BencodeReader}, a strict decoder.
 *
 * <p>Everything here speaks the canonical form only (BEP 3): dictionary keys sorted by their raw
 * bytes compared unsigned, no duplicate keys, integers {@code i<n>e} without leading zeros or
 * {@code -0}, and string lengths that count bytes. The writer refuses to produce anything else and
 * the reader refuses to accept anything else, so a round trip through both proves that our output
 * is canonical.
 *
 * <p>The package has no dependencies beyond {@code java.base}: no Jakarta, no logging, no
 * reflection.
 */
package io.karuta.bittorrent.bencode;
