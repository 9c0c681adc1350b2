/**
 * JMH benchmarks of the peer stores, mirroring chihaya's 27 storage benchmarks (same data shapes
 * and names). Run them with {@code mvn -B -Pbench test-compile exec:exec}; see docs/benchmarks.md.
 */
package io.karuta.storage.bench;
