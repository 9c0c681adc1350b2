/**
 * {@code karuta-cli e2e}: Chihaya's end-to-end check of a tracker, over any {@link
 * io.karuta.cli.client.Tracker}: two peers on one torrent, the second must be given the first, the
 * scrape must count both, and both must leave when they stop. See {@link
 * io.karuta.cli.e2e.EndToEndCheck} for every check and where trackers may differ.
 */
package io.karuta.cli.e2e;
