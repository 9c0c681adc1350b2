/**
 * Access control for private trackers. The {@code passkey} hook admits a request only when it
 * carries a passkey that a {@link io.karuta.middleware.auth.PasskeyResolver} accepts; no BEP
 * describes passkeys: this follows the convention of private trackers, which put a per-user secret
 * into the announce URL, as a path segment ({@code /<passkey>/announce}) or as a {@code passkey}
 * query parameter (also carried by UDP's BEP 41 URL data). {@link
 * io.karuta.middleware.auth.JwtHook} ({@code jwt}, chihaya's) checks a JSON Web Token (RFC 7519)
 * signed with RS256 or ES256 by a key of the operator's JWK set (RFC 7517) that it fetches and
 * refreshes in the background.
 */
package io.karuta.middleware.auth;
