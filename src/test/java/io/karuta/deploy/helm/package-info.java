/**
 * Tests of the Helm chart in {@code docker/helm/karuta}: Helm itself lints and renders it, and the
 * manifests are checked against what Karuta serves and reads.
 */
package io.karuta.deploy.helm;
