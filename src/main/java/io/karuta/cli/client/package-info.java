/**
 * karuta-cli's tracker clients: announce and scrape over HTTP (BEP 3, compact peers of BEP 23, IPv6
 * peers of BEP 7, the scrape convention of BEP 48) and over UDP (BEP 15, with BEP 41 URL data), for
 * any tracker, behind one {@link io.karuta.cli.client.Tracker} interface.
 *
 * <p>Replies are read strictly: bencode with Karuta's canonical {@code BencodeReader}, datagrams
 * with their transaction ID checked. Every problem becomes a {@link
 * io.karuta.cli.client.TrackerException} with a short fixed text fit for one line of output; no
 * exception of the JDK reaches the user. Nothing here imports Jakarta: it runs from a plain jar.
 */
package io.karuta.cli.client;
