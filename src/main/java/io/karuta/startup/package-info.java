/**
 * The tracker's start, in one ordered place: configuration, peer store, hooks, the HTTP frontend,
 * the UDP frontend, the stats sampler; any failure stops the deployment with its message, and on
 * Payara Micro, where the process is the tracker, also ends the process ({@link
 * io.karuta.startup.StartFailure}). The only package that depends on every layer.
 */
package io.karuta.startup;
