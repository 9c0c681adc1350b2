/**
 * Hooks (chihaya's middleware): the {@link io.karuta.middleware.Hook} API that integrators
 * implement, the per-request contexts hooks read and change, and the two CDI interceptors that run
 * the configured {@code prehooks} before the built-in response hook and the {@code posthooks}
 * before the built-in swarm update.
 */
package io.karuta.middleware;
