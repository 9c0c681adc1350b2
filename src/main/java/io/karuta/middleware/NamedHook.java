package io.karuta.middleware;

/**
 * A configured hook and the name it was listed under.
 *
 * @param name the name from the YAML list, for logs
 * @param hook the configured instance
 */
record NamedHook(String name, Hook hook) {}
