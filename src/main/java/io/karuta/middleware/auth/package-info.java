/**
 * Hooks that admit only authorised announces, for private trackers. {@link
 * io.karuta.middleware.auth.JwtHook} ({@code jwt}, chihaya's) checks a JSON Web Token (RFC 7519)
 * signed with RS256 or ES256 by a key of the operator's JWK set (RFC 7517) that it fetches and
 * refreshes in the background.
 */
package io.karuta.middleware.auth;
