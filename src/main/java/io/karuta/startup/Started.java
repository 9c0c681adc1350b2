package io.karuta.startup;

/**
 * Fired once every part of the tracker has started; parts that only exist on some servers (the
 * MicroProfile Metrics bridge) observe it instead of the container's own start event, so they run
 * after the tracker's start, and not at all when it failed.
 */
public record Started() {}
