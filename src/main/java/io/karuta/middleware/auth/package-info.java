/**
 * Access control for private trackers: the {@code passkey} hook admits a request only when it
 * carries a passkey that a {@link io.karuta.middleware.auth.PasskeyResolver} accepts. No BEP
 * describes passkeys; this follows the convention of private trackers, which put a per-user secret
 * into the announce URL, as a path segment ({@code /<passkey>/announce}) or as a {@code passkey}
 * query parameter (also carried by UDP's BEP 41 URL data).
 */
package io.karuta.middleware.auth;
