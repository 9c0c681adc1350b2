/**
 * The container resources Karuta runs on, behind qualifiers so the rest of the code (and its tests)
 * never touch JNDI: the managed executor for work after the reply, and the managed scheduler for
 * periodic maintenance (Jakarta Concurrency 3.0).
 */
package io.karuta.container;
