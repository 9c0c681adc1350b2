package io.karuta.middleware.auth;

import io.karuta.config.Options;
import java.util.Set;

/**
 * Decides which passkeys may use the tracker: the integration point of the {@code passkey} hook
 * with a site's own user database.
 *
 * <p><b>Replacing the default.</b> Karuta ships {@link FilePasskeyResolver}, which reads passkeys
 * from a file. To answer from your own store (JPA, a REST service, …), write a CDI bean that
 * implements this interface and mark it {@code @Alternative @Priority(…)}: an alternative with a
 * priority is enabled for the whole application and wins over the default bean, with no {@code
 * beans.xml} entry. Give it a bean-defining annotation such as {@code @ApplicationScoped} (Karuta's
 * {@code beans.xml} discovers annotated beans only) and package it in a jar in {@code WEB-INF/lib}
 * or in the WAR itself.
 *
 * <p><b>Contract.</b> {@link #isValid} runs on the request thread for every announce (and scrape)
 * that passes through the hook, concurrently: it must be thread-safe and fast, so answer from
 * memory and cache what comes from a remote source. It is only called with a non-empty passkey. To
 * fail a request while your source is down, throw an {@link io.karuta.bittorrent.ClientError} with
 * a fixed text (and, if you like, a retry hint); any other exception reaches the client as {@code
 * internal server error} and is logged. To avoid leaking how much of a guessed passkey is right, do
 * not compare passkeys character by character with an early exit: look them up in a hash set or map
 * (as {@link FilePasskeyResolver} does with their SHA-256 digests), or compare with {@link
 * java.security.MessageDigest#isEqual}.
 */
public interface PasskeyResolver {

  /**
   * Returns whether {@code passkey} may use the tracker.
   *
   * @param passkey the passkey as the request carried it, percent-decoded, one character per byte
   *     (ISO-8859-1); never empty. It is a secret: do not log it.
   */
  boolean isValid(String passkey);

  /**
   * Returns the options of the {@code passkey} hook entry that this resolver reads, besides the
   * hook's own {@code scrape}; any other option stops the start as unknown. The default reads none.
   */
  default Set<String> optionKeys() {
    return Set.of();
  }

  /**
   * Reads this resolver's options from the {@code passkey} hook entry, once per entry and before
   * any request. An {@code @ApplicationScoped} resolver is shared by all entries, so it is called
   * once for each. The default does nothing.
   *
   * @throws io.karuta.config.ConfigException naming the bad option; the tracker does not start
   */
  default void configure(Options options) {}
}
