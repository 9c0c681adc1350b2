/**
 * JMH micro-benchmarks of the wire codecs on the request hot path: the HTTP query parser and
 * bencoded replies, the BEP 15 UDP codec, and UDP connection IDs, all through their public API. Run
 * one class like the storage suite, for example {@code mvn -B -Pbench test-compile exec:exec
 * -Dbench="UdpCodecBenchmark -f 1 -wi 2 -w 1 -i 3 -r 1"}.
 */
package io.karuta.bench;
