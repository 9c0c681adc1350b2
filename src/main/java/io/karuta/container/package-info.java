/**
 * The container resources Karuta runs on, behind qualifiers so the rest of the code (and its tests)
 * never touch JNDI: the managed thread factory for the long-lived UDP threads, and the managed
 * scheduler for periodic maintenance (Jakarta Concurrency 3.0).
 */
package io.karuta.container;
