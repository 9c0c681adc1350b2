/**
 * A load generator for BitTorrent trackers that speak BEP 15 (UDP) or BEP 3/23/48 (HTTP), used to
 * benchmark Karuta against other trackers such as opentracker. It only speaks the standard wire
 * protocols and only targets loopback addresses (127.0.0.0/8, ::1). Run it with {@code
 * io.karuta.bench.load.Load udp|http|hashes ...}; see docs/benchmarks.md.
 *
 * <p>The engines are single-threaded and allocation-free per UDP request: peers, info-hashes and
 * their percent-encodings are built once, requests are written into reused buffers, and every reply
 * is checked by a small validator ({@link io.karuta.bench.load.UdpReplyValidator}, {@link
 * io.karuta.bench.load.HttpResponseParser}, {@link io.karuta.bench.load.HttpReplyValidator}).
 */
package io.karuta.bench.load;
