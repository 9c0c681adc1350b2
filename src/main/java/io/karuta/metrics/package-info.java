/**
 * Operational metrics: Karuta's own small facade ({@link io.karuta.metrics.TrackerMetrics}) that
 * the frontends, hooks and store report to, and the Prometheus text form of what it holds ({@link
 * io.karuta.metrics.PrometheusText}).
 *
 * <p>Nothing in this package links against MicroProfile Metrics or Micrometer, so the WAR deploys
 * on servers that lack either (WildFly 39 has no MicroProfile Metrics). Servers that have MP
 * Metrics get the same series through {@code io.karuta.metrics.mp}, the only package that imports
 * it.
 *
 * <p>Rules, carried over from chihaya: every label value is a fixed string chosen by code, never
 * request data; recording is lock-free and allocates nothing once a series exists. Names follow the
 * Prometheus conventions: base units (seconds), {@code _total} on counters. docs/metrics.md lists
 * every series.
 */
package io.karuta.metrics;
