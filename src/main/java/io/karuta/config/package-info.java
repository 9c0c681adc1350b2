/**
 * Karuta's configuration: one YAML file with chihaya's key names (a chihaya {@code config.yaml} is
 * accepted as it is), flattened into MicroProfile Config properties under {@code karuta.} by {@link
 * io.karuta.config.YamlConfigSource} at ordinal 250, so environment variables and system properties
 * override it; built-in defaults at ordinal 100 ({@link io.karuta.config.DefaultsConfigSource}).
 *
 * <p>{@link io.karuta.config.ConfigReader} validates everything at start-up into {@link
 * io.karuta.config.TrackerConfig}, failing with a {@link io.karuta.config.ConfigException} that
 * names the key and the allowed values. Stores and hooks read their own options through {@link
 * io.karuta.config.Options}. Durations use Go's syntax ({@link io.karuta.config.GoDuration}).
 * Secrets are redacted wherever configuration is logged ({@link io.karuta.config.ConfigDump}).
 *
 * <p>The operator's reference is {@code docs/configuration.md}. Apart from the CDI producer, this
 * package uses only the MicroProfile Config API, SnakeYAML and {@code io.karuta.bittorrent}.
 */
package io.karuta.config;
