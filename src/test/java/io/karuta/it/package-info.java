/**
 * Black-box integration tests: the WAR deployed unchanged on a managed Payara Micro by Arquillian,
 * driven over real HTTP on loopback (127.0.0.1 and [::1]). One behaviour per test class.
 */
package io.karuta.it;
