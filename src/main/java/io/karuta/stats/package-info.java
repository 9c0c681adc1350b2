/**
 * The tracker's numbers for people and scrapers without MicroProfile Metrics: a sampler that keeps
 * store counts and request rates of the last minutes, and the {@code /stats} page, {@code
 * /stats.json} and {@code /stats/metrics} (Prometheus text) endpoints, restricted to trusted
 * networks ({@code stats.allowed_networks}). What chihaya's maintainers refused (chihaya #621) and
 * opentracker and bittorrent-tracker offer.
 */
package io.karuta.stats;
