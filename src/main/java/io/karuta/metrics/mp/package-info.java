/**
 * Publishes Karuta's metrics through MicroProfile Metrics 5, so they appear on the server's own
 * {@code /metrics} endpoint (Payara). The only package that imports {@code
 * org.eclipse.microprofile.metrics}: {@code WEB-INF/beans.xml} leaves it out of bean discovery
 * where the API is missing (WildFly 39), and nothing else refers to it.
 */
package io.karuta.metrics.mp;
