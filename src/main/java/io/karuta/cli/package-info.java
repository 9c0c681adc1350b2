/**
 * {@code karuta-cli}, a command-line client for any BitTorrent tracker (docs/cli.md): {@code e2e}
 * checks a tracker end to end over HTTP and UDP, {@code announce} and {@code scrape} print a
 * decoded reply, {@code genkey} prints a key for {@code udp.private_key}. Options, help and exit
 * codes come from picocli: 0 when everything passed, 1 when a check or request failed, 2 for a
 * usage error.
 *
 * <p>Built into {@code target/karuta-cli.jar}, a plain executable jar, and left out of the WAR. It
 * reuses Karuta's Jakarta-free domain records and bencode reader; CliDependenciesTest keeps it off
 * Jakarta and the tracker's classes off its libraries.
 */
package io.karuta.cli;
