/**
 * An example hook written the way an integrator writes one, outside Karuta's own packages and
 * against its public API only: {@link io.karuta.example.BlockedPortsHook}. The integration tests
 * deploy it with the WAR and enable it in their YAML ({@code io.karuta.it.ExampleHookIT}); {@code
 * docs/hooks/writing-a-hook.md} explains how to build, package and enable such a hook.
 */
package io.karuta.example;
